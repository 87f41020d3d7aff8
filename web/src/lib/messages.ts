/**
 * An API issue as a sentence under its field. Issues name their path and say the rest ("is
 * required: …", "must have at most 200 characters"); under a field the subject is its label.
 */
export function fieldMessage(label: string, message: string): string {
  const text = message.trim();
  if (text === '') return `${label} is not valid.`;
  // Already a sentence of its own ("Enter a valid email address.").
  if (/^[A-Z]/.test(text)) return /[.!?]$/.test(text) ? text : `${text}.`;
  return `${label} ${text}${/[.!?]$/.test(text) ? '' : '.'}`;
}
