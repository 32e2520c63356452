/** A user's picture, or their initials on a colour derived from the handle. */
export function Avatar({ url, name, handle, size = 48 }: { url?: string | null; name: string; handle: string; size?: number }) {
  const style = { width: size, height: size, fontSize: Math.round(size * 0.4) };
  if (url) return <img className="avatar" src={url} alt="" width={size} height={size} style={style} loading="lazy" />;
  const initials = name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => [...w][0]?.toUpperCase() ?? '').join('') || handle.slice(0, 1).toUpperCase();
  let hue = 0;
  for (const ch of handle) hue = (hue * 31 + ch.charCodeAt(0)) % 360;
  return (
    <span className="avatar avatar-initials" style={{ ...style, background: `hsl(${hue} 55% 40%)` }} aria-hidden="true">
      {initials}
    </span>
  );
}
