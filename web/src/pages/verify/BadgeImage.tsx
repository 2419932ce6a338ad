import { useState } from "react";

/** The first of the badge's images that loads (its issuer's, else the baked file itself). */
export function BadgeImage({ sources, alt }: { sources: string[]; alt: string }) {
  const [failed, setFailed] = useState(0);
  const src = sources[failed];
  if (!src) return null;
  return (
    <img
      className="report__image"
      src={src}
      alt={alt}
      width={160}
      referrerPolicy="no-referrer"
      onError={() => setFailed(failed + 1)}
    />
  );
}
