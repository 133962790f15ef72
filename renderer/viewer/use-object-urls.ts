/**
 * Object URLs for a changing set of blobs: each blob keeps its URL for as long as it stays in
 * the set (so an `<img>` showing it is not reloaded when the set changes around it), and each
 * URL is revoked as soon as its blob leaves the set, and all of them on unmount.
 */
import { useEffect, useRef, useState } from 'react';

/** The URL of each blob in `blobs`; a blob's entry appears after the first render that asks for it. */
export function useObjectUrls(blobs: readonly Blob[]): ReadonlyMap<Blob, string> {
  const live = useRef(new Map<Blob, string>());
  const [urls, setUrls] = useState<ReadonlyMap<Blob, string>>(() => new Map());

  useEffect(() => {
    const wanted = new Set(blobs);
    const cache = live.current;
    let changed = false;
    for (const [blob, url] of cache) {
      if (!wanted.has(blob)) {
        URL.revokeObjectURL(url);
        cache.delete(blob);
        changed = true;
      }
    }
    for (const blob of wanted) {
      if (!cache.has(blob)) {
        cache.set(blob, URL.createObjectURL(blob));
        changed = true;
      }
    }
    if (changed) setUrls(new Map(cache));
  }, [blobs]);

  useEffect(() => {
    const cache = live.current;
    return () => {
      for (const url of cache.values()) URL.revokeObjectURL(url);
      cache.clear();
    };
  }, []);

  return urls;
}
