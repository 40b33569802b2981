/**
 * Output text with its redaction tokens made visible: each "[REDACTED: …]" (and the file-name
 * form "REDACTED-…") is wrapped in a styled span. The text itself is what the export writes; only
 * the styling is added, never the original.
 */
const TOKEN = /\[REDACTED: [a-z]+(?:, [a-z]+)*\]|REDACTED-[a-z]+(?:-[a-z]+)*/g;

export function TokenText({ text }: { text: string }) {
  const parts: (string | { token: string })[] = [];
  let at = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > at) parts.push(text.slice(at, match.index));
    parts.push({ token: match[0] });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <span key={i} className="redaction-token">
            {part.token}
          </span>
        ),
      )}
    </>
  );
}
