/**
 * One accessible layout for every message Docket sends: a plain-text part that reads well on
 * its own, and simple HTML (a real heading, a link that says where it goes, no images, no
 * tracking) built only from escaped text.
 */

export interface EmailContent {
  /** The one-line summary mail clients show next to the subject. */
  preheader?: string;
  heading: string;
  /** Paragraphs of plain text. */
  paragraphs: readonly string[];
  /** Label/value rows such as When, Duration. */
  details?: readonly { label: string; value: string }[];
  /** The main action, e.g. the join link. */
  action?: { label: string; url: string };
  /** Smaller text at the end. */
  footer?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function renderEmail(content: EmailContent): { text: string; html: string } {
  const textParts = [content.heading, '', ...content.paragraphs.flatMap((p) => [p, ''])];
  if (content.details !== undefined && content.details.length > 0) {
    textParts.push(...content.details.map((d) => `${d.label}: ${d.value}`), '');
  }
  if (content.action !== undefined) textParts.push(`${content.action.label}: ${content.action.url}`, '');
  if (content.footer !== undefined) textParts.push('--', content.footer);
  const text = textParts.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';

  const details =
    content.details === undefined || content.details.length === 0
      ? ''
      : `<table role="presentation" style="border-collapse:collapse;margin:16px 0">${content.details
          .map(
            (d) =>
              `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;color:#555;font-weight:600">${escapeHtml(d.label)}</th><td style="padding:4px 0">${escapeHtml(d.value)}</td></tr>`,
          )
          .join('')}</table>`;
  const action =
    content.action === undefined
      ? ''
      : `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(content.action.label)}</a></p><p style="font-size:13px;color:#555">Or open this link: <a href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.url)}</a></p>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.heading)}</title></head>
<body style="margin:0;padding:0;background:#f6f7f9;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#111;line-height:1.5">
${content.preheader !== undefined ? `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preheader)}</div>` : ''}
<main style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff">
<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`).join('\n')}
${details}
${action}
${content.footer !== undefined ? `<hr style="border:none;border-top:1px solid #ddd;margin:24px 0"><p style="font-size:13px;color:#555">${escapeHtml(content.footer)}</p>` : ''}
</main></body></html>
`;
  return { text, html };
}
