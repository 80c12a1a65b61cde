/** A link to where a number came from, opened in a new tab without leaking the referrer. */
export function SourceLink({ href, children }: { href: string; children: React.ReactNode }) {
  const safe = /^https:\/\//.test(href) ? href : undefined;
  if (!safe) return <span>{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
