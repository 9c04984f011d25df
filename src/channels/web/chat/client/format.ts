// Numbers as every ReadyPlan page writes them (en-US grouping; money always with cents).
export const money = (n: number) =>
  `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export const number = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
