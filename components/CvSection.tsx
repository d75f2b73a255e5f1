import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CV_MESSAGES, cvTypeLabel } from '@/utils/cv/messages';
import { isViewableInline } from '@/utils/cv/sniff';
import { cvBlob, getCv } from '@/utils/db/cvs';
import { getPanelDb } from '@/utils/db/open';
import type { CvSummary } from '@/utils/db/types';
import { downloadBlob } from '@/utils/download';
import { formatCredits, formatSize } from '@/utils/format';
import { t } from '@/utils/i18n';
import { onBroadcast, pageApi } from '@/utils/page-api';

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
    setMessage({ text: t('cvGetting'), error: false });
    try {
      const result = await pageApi.fetchCv(jobId, applicationId, fullName);
      if (!result.ok) return setMessage({ text: result.error.message, error: true });
      if (result.value.status === 'no-cv')
        return setMessage({ text: CV_MESSAGES['no-cv'], error: false });
      setMessage(
        result.value.credits > 0
          ? { text: t('cvStoredSpent', formatCredits(result.value.credits)), error: false }
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
      <h3 id="cv-h">{t('cvHeading')}</h3>
      {cv === undefined ? null : cv === null ? (
        <button type="button" onClick={() => void fetchCv()} disabled={busy}>
          {t('cvGet')}
        </button>
      ) : (
        <>
          <p class="small">
            {t('cvStoredInfo', cvTypeLabel(cv.kind), formatSize(cv.size), cv.filename)}
          </p>
          <div class="actions">
            {/* Every kind opens in the CV tab: PDFs are shown there, the rest offered as a file. */}
            <button type="button" onClick={openCv}>
              {t('cvOpen')}
            </button>
            <button type="button" onClick={() => void download()}>
              {t('cvDownload')}
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
