// A tiny, valid one-page PDF (correct xref offsets) with a few lines of ASCII text.

function escapePdfText(s: string): string {
  // Only printable ASCII survives Helvetica/WinAnsi; everything else becomes "?".
  return s.replace(/[^\x20-\x7e]/g, "?").replace(/([\\()])/g, "\\$1")
}

export function buildPdf(lines: string[]): Buffer {
  const textOps = lines
    .map((line, i) => `${i === 0 ? "" : "0 -18 Td "}(${escapePdfText(line)}) Tj`)
    .join("\n")
  const stream = `BT\n/F1 12 Tf\n50 780 Td\n${textOps}\nET\n`
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}endstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ]
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xrefAt = Buffer.byteLength(out, "latin1")
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.from(out, "latin1")
}

export function waybillPdf(info: { code: string; waybillNumber: string; numberOfSpace: number | null; merchantId: string; city: string }): Buffer {
  return buildPdf([
    "Kaspi Delivery waybill (sandbox)",
    `Waybill number: ${info.waybillNumber}`,
    `Order code: ${info.code}`,
    `Merchant: ${info.merchantId}`,
    `Places: ${info.numberOfSpace ?? 1}`,
    `Destination city code: ${info.city}`,
  ])
}
