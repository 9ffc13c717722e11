// A QR code drawn as SVG from the qrcode package's module matrix (loaded lazily, so the
// package is not in the first chunk). No canvas, no data URL: fits a strict policy.
import { useEffect, useState } from 'react';

interface Matrix {
  readonly size: number;
  readonly dark: (x: number, y: number) => boolean;
}

async function makeMatrix(text: string): Promise<Matrix> {
  const { create } = await import('qrcode');
  const qr = create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  return { size, dark: (x, y) => Boolean(data[y * size + x]) };
}

/** An SVG path with one unit square per dark module. */
export function matrixPath(m: Matrix, quiet: number): string {
  let d = '';
  for (let y = 0; y < m.size; y++) {
    for (let x = 0; x < m.size; x++) if (m.dark(x, y)) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
  }
  return d;
}

export function QrCode({ text, label }: { text: string; label: string }) {
  const [matrix, setMatrix] = useState<{ text: string; m: Matrix } | null>(null);
  useEffect(() => {
    let live = true;
    void makeMatrix(text).then((m) => {
      if (live) setMatrix({ text, m });
    });
    return () => {
      live = false;
    };
  }, [text]);
  if (!matrix || matrix.text !== text) return <div className="qr qr-loading" aria-hidden="true" />;
  const quiet = 4;
  const full = matrix.m.size + quiet * 2;
  return (
    <svg className="qr" viewBox={`0 0 ${full} ${full}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={full} height={full} fill="#fff" />
      <path d={matrixPath(matrix.m, quiet)} fill="#000" />
    </svg>
  );
}
