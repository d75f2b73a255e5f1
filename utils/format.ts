const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatNumber(n: number): string {
  return whole.format(n);
}

/** "1 candidate", "2,500 candidates" (the contract accepts the separator). */
export function formatCandidates(n: number): string {
  return `${formatNumber(n)} ${n === 1 ? 'candidate' : 'candidates'}`;
}

export function formatCredits(n: number): string {
  return `${formatNumber(n)} ${n === 1 ? 'credit' : 'credits'}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(ms: number): string {
  return dateTime.format(new Date(ms));
}
