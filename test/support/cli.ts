// What a command printed, line by line, on each channel: the `io` to hand to `main`, and the
// lines it wrote. `as` turns each line as it comes (plain spaces for French typography, say).
export function capture(as: (line: string) => string = (line) => line) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (l: string) => out.push(as(l)), err: (l: string) => err.push(as(l)) },
    out,
    err,
  };
}
