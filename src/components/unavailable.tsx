/** Shown where a part of the core has not landed yet or cannot answer: never a made-up number. */
export function Unavailable({ children }: { children: React.ReactNode }) {
  return (
    <p className="unavailable" role="note">
      {children}
    </p>
  );
}
