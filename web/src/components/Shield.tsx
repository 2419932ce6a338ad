/** The Blason mark: a deep-blue shield with a gold border and star. */
export function Shield({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <path d="M32 3 56 11v19c0 15-10 26-24 31C18 56 8 45 8 30V11z" fill="#1f3a8a" />
      <path
        d="M32 9 50 15v15c0 11-7 20-18 24-11-4-18-13-18-24V15z"
        fill="none"
        stroke="#f2c14e"
        strokeWidth="3"
      />
      <path d="m32 19 4 9 10 1-8 6 3 10-9-6-9 6 3-10-8-6 10-1z" fill="#f2c14e" />
    </svg>
  );
}
