// Formula text of the function builder: =MG.NAME("arg", ...), trailing empty optional arguments
// dropped, quotes inside an argument doubled as Excel requires.
export function buildFormula(name: string, args: readonly string[]): string {
  const list = [...args];
  while (list.length > 0 && list[list.length - 1].trim() === "") list.pop();
  return `=MG.${name}(${list.map((a) => `"${a.replace(/"/g, '""')}"`).join(", ")})`;
}
