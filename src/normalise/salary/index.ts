// The salary normaliser's public face.
export { parseSalary, type SalaryContext } from './parse-salary.ts';
export { salaryText } from './salary-text.ts';
