/** One work experience as the API lists it; missing or odd values become empty strings. */
export interface Experience {
  title: string;
  company: string;
  companyUrl: string;
  dateRange: string;
  description: string;
}

/**
 * A candidate as read from `get_candidates`, normalised: every optional text is a string
 * ('' when missing), so the UI never has to guess. `rating` keeps the API's raw value
 * (`GOOD`, `GOOD_FIT`, `MAYBE`, `NOT_A_FIT`, `UNRATED` or anything new).
 */
export interface ApiCandidate {
  applicationId: string;
  rating: string;
  isTopChoice: boolean;
  topChoiceMessage: string;
  firstName: string;
  lastName: string;
  fullName: string;
  headline: string;
  publicIdentifier: string;
  profileUrl: string;
  location: string;
  applicationDate: string;
  experiences: Experience[];
}

/** One validated page of `get_candidates`. */
export interface CandidatesPage {
  candidates: ApiCandidate[];
  /** Records that could not be stored (no application ID, wrong types) and were dropped. */
  skipped: number;
  /** Offset this page was asked for. */
  offset: number;
  totalResults: number;
  /** All applicants of the job, when the API says. */
  totalAvailable: number | null;
  nextOffset: number | null;
  hasMore: boolean;
  creditsConsumed: number;
}

export interface LinkupAccount {
  accountId: string;
  status: string;
  platform: string;
  label: string;
}

export interface LinkupCv {
  content: Uint8Array;
  contentType: string;
  filename: string;
  creditsConsumed: number;
}
