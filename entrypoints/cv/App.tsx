import { useEffect, useState } from 'preact/hooks';
import { CV_MESSAGES } from '@/utils/cv/messages';
import { CV_TYPES, isViewableInline } from '@/utils/cv/sniff';
import { cvBlob, getCv } from '@/utils/db/cvs';
import { getPanelDb } from '@/utils/db/open';
import type { CvRecord } from '@/utils/db/types';
import { downloadBlob } from '@/utils/download';

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
        if (cv) document.title = `${cv.filename} · Applicant Panel`;
        if (cv && isViewableInline(cv.kind)) setUrl(URL.createObjectURL(cvBlob(cv)));
      });
  }, []);

  if (record === undefined) return <main class="options">Loading…</main>;
  if (record === null) {
    return (
      <main class="options">
        <h1>CV not found</h1>
        <p>This CV is not stored in this browser (it may have been deleted with its job).</p>
      </main>
    );
  }
  return (
    <main class="cv-page">
      <header class="cv-bar">
        <h1>{record.filename}</h1>
        <span class="muted small">{CV_TYPES[record.kind].label}</span>
        <button type="button" onClick={() => downloadBlob(record.filename, cvBlob(record))}>
          Download CV
        </button>
      </header>
      {url ? (
        <iframe class="cv-frame" title={`CV: ${record.filename}`} src={url} />
      ) : (
        <p class="options">{CV_MESSAGES['unknown-type']}</p>
      )}
    </main>
  );
}
