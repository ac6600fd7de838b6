// Renders build/icon.svg into the icon set the installers use: build/icons/NxN.png (Linux
// desktop entries install each size into the hicolor theme; electron-builder makes the Windows
// .ico and the macOS .icns from the largest). The PNGs are committed; run this again when the
// SVG changes: `node build/scripts/icons.mjs`. It uses @napi-rs/canvas, which the development
// tree has as pdfjs-dist's optional dependency.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const iconSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const iconDir = path.join(root, 'build', 'icons');

export async function renderIcons() {
  const { createCanvas, loadImage } = createRequire(import.meta.url)('@napi-rs/canvas');
  const svg = fs.readFileSync(path.join(root, 'build', 'icon.svg'));
  fs.mkdirSync(iconDir, { recursive: true });
  for (const size of iconSizes) {
    const image = await loadImage(svg);
    image.width = size;
    image.height = size;
    const canvas = createCanvas(size, size);
    canvas.getContext('2d').drawImage(image, 0, 0, size, size);
    fs.writeFileSync(path.join(iconDir, `${size}x${size}.png`), canvas.toBuffer('image/png'));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await renderIcons();
  console.log(`wrote ${iconSizes.map((s) => `${s}x${s}`).join(', ')} to ${path.relative(root, iconDir)}/`);
}
