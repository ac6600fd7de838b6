/** Progress for work the user waits on (import, export, opening a long report). */
export function Busy({ text }: { text: string }) {
  return (
    <div className="busy" role="progressbar" aria-busy="true" aria-label={text}>
      <div className="busy-card">
        <div className="spinner" aria-hidden="true" />
        <span>{text}</span>
      </div>
    </div>
  );
}
