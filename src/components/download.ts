/** Offers `blob` as a file download through an object URL and a temporary `<a download>`. */
export const downloadBlob = (blob: Blob, filename: string) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download in some browsers, which read the URL after click().
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/** Offers `text` as a file download (CSV unless `type` says otherwise). */
export const downloadText = (text: string, filename: string, type = 'text/csv;charset=utf-8') =>
  downloadBlob(new Blob([text], { type }), filename);
