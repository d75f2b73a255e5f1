import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CV_MESSAGES } from '@/utils/cv/messages';
import { CV_TYPES, isViewableInline } from '@/utils/cv/sniff';
import { cvBlob, getCv } from '@/utils/db/cvs';
import { getPanelDb } from '@/utils/db/open';
import type { CvSummary } from '@/utils/db/types';
import { downloadBlob } from '@/utils/download';
import { formatCredits } from '@/utils/format';
import { onBroadcast, pageApi } from '@/utils/page-api';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface Props {
  jobId: string;
  applicationId: string;
  fullName: string;
}

/** The applicant's CV: fetched once through Linkup, then kept here for offline reading. */
export function CvSection({ jobId, applicationId, fullName }: Props) {
  const [cv, setCv] = useState<CvSummary | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    const read = () =>
      void getPanelDb()
        .then((db) => getCv(db, applicationId))
        .then((record) => {
          if (!live) return;
          if (!record) return setCv(null);
          const { bytes: _bytes, ...summary } = record;
          setCv(summary);
        });
    read();
    const off = onBroadcast((m) => {
      if (m.type === 'data-changed' && m.jobId === jobId) read();
    });
    return () => {
      live = false;
      off();
    };
  }, [jobId, applicationId]);

  async function fetchCv() {
    setBusy(true);
    setMessage({ text: 'Getting the CV from Linkup (this can take a while)…', error: false });
    try {
      const result = await pageApi.fetchCv(jobId, applicationId, fullName);
      if (!result.ok) return setMessage({ text: result.error.message, error: true });
      if (result.value.status === 'no-cv')
        return setMessage({ text: CV_MESSAGES['no-cv'], error: false });
      setMessage(
        result.value.credits > 0
          ? { text: `CV stored (${formatCredits(result.value.credits)} spent).`, error: false }
          : null,
      );
      const record = await getCv(await getPanelDb(), applicationId);
      if (record) {
        const { bytes: _bytes, ...summary } = record;
        setCv(summary);
      }
    } finally {
      setBusy(false);
    }
  }

  async function download() {
    const record = await getCv(await getPanelDb(), applicationId);
    if (record) downloadBlob(record.filename, cvBlob(record));
  }

  function openCv() {
    void browser.tabs.create({
      url: browser.runtime.getURL(`/cv.html?applicationId=${encodeURIComponent(applicationId)}`),
    });
  }

  return (
    <section class="cv" aria-labelledby="cv-h">
      <h3 id="cv-h">CV</h3>
      {cv === undefined ? null : cv === null ? (
        <button type="button" onClick={() => void fetchCv()} disabled={busy}>
          Get CV
        </button>
      ) : (
        <>
          <p class="small">
            Stored: {CV_TYPES[cv.kind].label}, {formatSize(cv.size)} ({cv.filename})
          </p>
          <div class="actions">
            {isViewableInline(cv.kind) && (
              <button type="button" onClick={openCv}>
                Open CV
              </button>
            )}
            <button type="button" onClick={() => void download()}>
              Download CV
            </button>
          </div>
          {!isViewableInline(cv.kind) && cv.kind === 'unknown' && (
            <p class="small muted">{CV_MESSAGES['unknown-type']}</p>
          )}
        </>
      )}
      {message && (
        <p
          class={`small${message.error ? ' status error' : ''}`}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
