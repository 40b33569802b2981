/**
 * A recipient's key fingerprint, exactly as main computed it (8 groups of 4 hex digits), in a
 * monospace block that is read aloud to the recipient group by group.
 */
export function Fingerprint({ value, label }: { value: string; label: string }) {
  return (
    <div className="fingerprint-block">
      <span className="fingerprint-label">{label}</span>
      <code className="fingerprint" translate="no">
        {value}
      </code>
    </div>
  );
}
