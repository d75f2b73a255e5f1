import { useEffect, useState } from 'preact/hooks';
import { CV_MESSAGES, cvTypeLabel } from '@/utils/cv/messages';
import { isViewableInline } from '@/utils/cv/sniff';
import { cvBlob, getCv } from '@/utils/db/cvs';
import { getPanelDb } from '@/utils/db/open';
import type { CvRecord } from '@/utils/db/types';
import { downloadBlob } from '@/utils/download';
import { t } from '@/utils/i18n';

/** A stored CV, from IndexedDB only: it opens offline and never calls Linkup. */
export function App() {
  const [record, setRecord] = useState<CvRecord | null | undefined>(undefined);
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    const id = new URLSearchParams(location.search).get('applicationId') ?? '';
    void getPanelDb()
      .then((db) => getCv(db, id))
      .then((cv) => {
        setRecord(cv ?? null);
        if (cv) document.title = t('cvPageTitle', cv.filename);
        if (cv && isViewableInline(cv.kind)) setUrl(URL.createObjectURL(cvBlob(cv)));
      });
  }, []);

  if (record === undefined) return <main class="options">{t('loading')}</main>;
  if (record === null) {
    return (
      <main class="options">
        <h1>{t('cvNotFound')}</h1>
        <p>{t('cvNotFoundText')}</p>
      </main>
    );
  }
  return (
    <main class="cv-page">
      <header class="cv-bar">
        <h1>{record.filename}</h1>
        <span class="muted small">{cvTypeLabel(record.kind)}</span>
        <button type="button" onClick={() => downloadBlob(record.filename, cvBlob(record))}>
          {t('cvDownload')}
        </button>
      </header>
      {url ? (
        <iframe class="cv-frame" title={t('cvFrameTitle', record.filename)} src={url} />
      ) : (
        <p class="options">{CV_MESSAGES['unknown-type']}</p>
      )}
    </main>
  );
}
