// Saves a CSV report the api returned ({ filename, contentType, csv }) as a download. The file
// starts with a byte-order mark so that Excel reads it as UTF-8 and shows Chinese text.
const BYTE_ORDER_MARK = "\uFEFF";

export function saveCsvFile(file: { filename: string; contentType: string; csv: string }) {
  const url = URL.createObjectURL(
    new Blob([BYTE_ORDER_MARK, file.csv], { type: file.contentType }),
  );
  const link = document.createElement("a");
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken hold of the Blob once click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
