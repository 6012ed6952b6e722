import sharp from "sharp";
const [file, prefix] = [process.argv[2]!, process.argv[3]!];
const meta = await sharp(file).metadata();
const h = meta.height ?? 0, w = meta.width ?? 0;
for (let i = 0; i * 1400 < h; i++)
  await sharp(file).extract({ left: 0, top: i * 1400, width: w, height: Math.min(1400, h - i * 1400) }).toFile(`${prefix}-${i}.png`);
console.log(w, h);
