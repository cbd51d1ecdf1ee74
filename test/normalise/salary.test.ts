import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRuleId, type RuleId } from '../../src/diagnostics/rules.ts';
import { parseSalary, salaryText, type SalaryContext } from '../../src/normalise/salary/index.ts';
import { readFigure } from '../../src/normalise/salary/amounts.ts';
import { isIsoCurrency } from '../../src/normalise/salary/currencies.ts';
import { unitsPerUsd } from '../../src/normalise/salary/magnitude.ts';
import { unitsPerInternationalDollar } from '../../src/normalise/salary/purchasing-power.ts';
import { SALARY_PERIODS, type SalaryPeriod } from '../../src/posting.ts';
import { formatSalary } from '../../src/render/format-salary.ts';

type Expected = [min: number, max: number, currency: string, period: SalaryPeriod];

const read = (input: unknown, context?: SalaryContext) => {
  const result = parseSalary(input, context);
  const value = result.value;
  return { value: value && ([value.min, value.max, value.currency, value.period] as Expected), rules: result.findings.map((finding) => finding.rule) };
};

describe('parseSalary: salary text', () => {
  it.each<[string, Expected]>([
    // the brief's forms
    ['£95,000 - £150,000', [95000, 150000, 'GBP', 'year']],
    ['$120k–$160k per year', [120000, 160000, 'USD', 'year']],
    ['USD $164,200~$229,900', [164200, 229900, 'USD', 'year']],
    ['€60.000 – €80.000', [60000, 80000, 'EUR', 'year']],
    ['60,000-80,000 EUR', [60000, 80000, 'EUR', 'year']],
    ['DKK 982.000 kr.~1.427.000 kr.', [982000, 1427000, 'DKK', 'year']],
    ["CHF 120'000 - 140'000", [120000, 140000, 'CHF', 'year']],
    ['₹18,00,000 – ₹25,00,000', [1800000, 2500000, 'INR', 'year']],
    ['¥8,000,000', [8000000, 8000000, 'JPY', 'year']],
    ['$149,781/yr - $191,500/yr', [149781, 191500, 'USD', 'year']],
    ['$57,582.12 – $106,345.10', [57582.12, 106345.1, 'USD', 'year']],
    ['USD 45/hour', [45, 45, 'USD', 'hour']],
    ['€500/day', [500, 500, 'EUR', 'day']],
    ['4.500 € brutto/Monat', [4500, 4500, 'EUR', 'month']],
    ['£95,000 - £150,000 + Benefits', [95000, 150000, 'GBP', 'year']],
    ['up to $90k', [90000, 90000, 'USD', 'year']],
    ['from €50,000', [50000, 50000, 'EUR', 'year']],
    ['$100K+', [100000, 100000, 'USD', 'year']],
    ['80-100k GBP', [80000, 100000, 'GBP', 'year']],
    ['£400 - £500 per day', [400, 500, 'GBP', 'day']],
    ['$30 an hour', [30, 30, 'USD', 'hour']],
    ['PLN 15 000 – 20 000 / month', [15000, 20000, 'PLN', 'month']],
    ['PLN 15\u00a0000 – 20\u202f000 / month', [15000, 20000, 'PLN', 'month']],
    ['R$ 8.000/mês', [8000, 8000, 'BRL', 'month']],
    ['1.2M JPY per year', [1200000, 1200000, 'JPY', 'year']],
    ['€45k - €55k p.a.', [45000, 55000, 'EUR', 'year']],
    // separators and multipliers
    ['1.234.567,50 €', [1234567.5, 1234567.5, 'EUR', 'year']],
    ['\u00a31,234,567.50 a year', [1234567.5, 1234567.5, 'GBP', 'year']],
    ['1\u202f234\u202f567.50\u00a0CHF', [1234567.5, 1234567.5, 'CHF', 'year']],
    ["CHF 9'000.– / Monat", [9000, 9000, 'CHF', 'month']],
    ["Fr. 120'000.-", [120000, 120000, 'CHF', 'year']],
    ['4.500,- € brutto/Monat', [4500, 4500, 'EUR', 'month']],
    ['€50.000,00 per annum', [50000, 50000, 'EUR', 'year']],
    ['EUR 50.5k', [50500, 50500, 'EUR', 'year']],
    ['$1.5M', [1500000, 1500000, 'USD', 'year']],
    ['€40-45k', [40000, 45000, 'EUR', 'year']],
    ['GBP45k-55k', [45000, 55000, 'GBP', 'year']],
    ['50kEUR', [50000, 50000, 'EUR', 'year']],
    ['50 k€ – 60 k€ brut annuel', [50000, 60000, 'EUR', 'year']],
    ['Between 60 and 70 thousand euros a year', [60000, 70000, 'EUR', 'year']],
    ['₹ 12 - 18 LPA', [1200000, 1800000, 'INR', 'year']],
    ['₹10 - 12 Lakhs per annum', [1000000, 1200000, 'INR', 'year']],
    ['¥500万～¥800万', [5000000, 8000000, 'JPY', 'year']],
    ['月給30万円〜', [300000, 300000, 'JPY', 'month']],
    ['£50k.', [50000, 50000, 'GBP', 'year']],
    // symbols and codes
    ['C$90,000 per year', [90000, 90000, 'CAD', 'year']],
    ['A$120k', [120000, 120000, 'AUD', 'year']],
    ['CA$95,000', [95000, 95000, 'CAD', 'year']],
    ['95 000 $CA', [95000, 95000, 'CAD', 'year']],
    ['S$8k - S$12k / month', [8000, 12000, 'SGD', 'month']],
    ['HK$40,000 - HK$60,000 per month', [40000, 60000, 'HKD', 'month']],
    ['NT$60,000/月', [60000, 60000, 'TWD', 'month']],
    ['$120,000 CAD', [120000, 120000, 'CAD', 'year']],
    ['$120,000 – $150,000 USD', [120000, 150000, 'USD', 'year']],
    ['12 000 zł brutto miesięcznie', [12000, 12000, 'PLN', 'month']],
    ['35,000 - 45,000 ZAR per month', [35000, 45000, 'ZAR', 'month']],
    ['eur 50k', [50000, 50000, 'EUR', 'year']],
    ['45USD/h', [45, 45, 'USD', 'hour']],
    ['£50k ALL IN', [50000, 50000, 'GBP', 'year']],
    ['₩50,000,000 - ₩70,000,000', [50000000, 70000000, 'KRW', 'year']],
    // periods
    ['$25.50/hr', [25.5, 25.5, 'USD', 'hour']],
    ['£12.50 ph', [12.5, 12.5, 'GBP', 'hour']],
    ['30-35 € brutto/Stunde', [30, 35, 'EUR', 'hour']],
    ['€450 p/d', [450, 450, 'EUR', 'day']],
    ['$2,000/wk', [2000, 2000, 'USD', 'week']],
    ['€4k/m', [4000, 4000, 'EUR', 'month']],
    ['£3,000 pcm', [3000, 3000, 'GBP', 'month']],
    ['3 500 € brut mensuel', [3500, 3500, 'EUR', 'month']],
    ['€3.000 - €3.500 al mese', [3000, 3500, 'EUR', 'month']],
    ['45 000 € / an', [45000, 45000, 'EUR', 'year']],
    ['40k - 45k €/año', [40000, 45000, 'EUR', 'year']],
    ['€45.000 – €55.000 bruto per jaar', [45000, 55000, 'EUR', 'year']],
    ['between $80,000 and $100,000 annually', [80000, 100000, 'USD', 'year']],
    ['$80K - $100K/year DOE', [80000, 100000, 'USD', 'year']],
    ['年収600万円', [6000000, 6000000, 'JPY', 'year']],
    // commentary around the figure
    ['Salary: 50k-60k EUR plus 10% bonus', [50000, 60000, 'EUR', 'year']],
    ['$100K - $120K USD + equity, 401(k)', [100000, 120000, 'USD', 'year']],
    ['USD 100,000 – 120,000 (approx. €92,000 – €110,000)', [100000, 120000, 'USD', 'year']],
    ['£35,000 - £40,000 per annum + 25 days annual leave', [35000, 40000, 'GBP', 'year']],
    ['3 days a week, £400/day', [400, 400, 'GBP', 'day']],
    ['£50,000 - £60,000 (3 days a week)', [50000, 60000, 'GBP', 'year']],
    ['$45 - $55 per hour, 40 hours/week', [45, 55, 'USD', 'hour']],
    ['Up to £60,000 depending on experience', [60000, 60000, 'GBP', 'year']],
    ['$500 - $700 per day, paid in USD', [500, 700, 'USD', 'day']],
  ])('%s', (text, expected) => {
    const { value } = read(text);
    expect(value).toEqual(expected);
  });

  it.each<[string, RuleId]>([
    ['Competitive', 'salary-not-stated'],
    ['DOE', 'salary-not-stated'],
    ['Negotiable', 'salary-not-stated'],
    ['Competitive + equity', 'salary-not-stated'],
    ['TBC', 'salary-not-stated'],
    ['Market rate', 'salary-not-stated'],
    ['n/a', 'salary-not-stated'],
    ['Competitive, 25 days holiday', 'salary-not-stated'],
    ['Six figures', 'salary-unreadable'],
    ['$', 'salary-unreadable'],
    ['-', 'salary-unreadable'],
    ['£1.234.56', 'salary-unreadable'],
    ['€50,000 - $60,000', 'salary-unreadable'],
    ['245000.0', 'salary-currency-missing'],
    ['50,000', 'salary-currency-missing'],
    ['50 000 kr/mån', 'salary-currency-missing'],
    ['Rs. 50,000 per month', 'salary-currency-missing'],
    ['XYZ 50,000', 'salary-currency-unknown'],
    ['0.01 BTC/month', 'salary-currency-unknown'],
    ['-50000 EUR', 'salary-negative'],
    ['$-500', 'salary-negative'],
    ['$160k - $120k', 'salary-range-inverted'],
    ['100-80k EUR', 'salary-range-inverted'],
    ['$0', 'salary-absurd'],
    ['€0 - €50,000', 'salary-absurd'],
    ['$50,000/hour', 'salary-absurd'],
    ['£1,000,000,000', 'salary-absurd'],
    ['$5 a year', 'salary-absurd'],
    ['9'.repeat(400) + ' EUR', 'salary-absurd'],
  ])('%s → no value, %s', (text, rule) => {
    const result = parseSalary(text);
    expect(result.value).toBeNull();
    expect(result.findings.map((finding) => finding.rule)).toEqual([rule]);
  });

  it('keeps the text as written', () => {
    expect(parseSalary('  £95,000 - £150,000 + Benefits ').value?.text).toBe('£95,000 - £150,000 + Benefits');
  });

  it('says when the period was inferred, and not when it was stated', () => {
    expect(read('£95,000 - £150,000').rules).toEqual(['salary-period-inferred']);
    expect(read('£95,000 - £150,000 a year').rules).toEqual([]);
  });

  it.each<[string, SalaryPeriod]>([
    ['$45', 'hour'],
    ['$450', 'day'],
    ['$4,500', 'month'],
    ['$45,000', 'year'],
    // big-unit currencies are scaled before the thresholds apply
    ['¥4,500', 'hour'],
    ['¥450,000', 'month'],
    ['₩4,500,000', 'month'],
    ['DKK 45.000', 'month'],
    // by what the figure buys where it is paid, not by the exchange rate: at the exchange rate
    // each of these would be read one period shorter
    ['₹45,000', 'month'],
    ['₹4,50,000', 'year'],
    ['₹15 lakh', 'year'],
    ['INR 10L - 15L', 'year'],
    ['₱600,000', 'year'],
    ['PHP 50,000 - 70,000', 'month'],
    ['Rp 15.000.000', 'month'],
    ['R$ 150.000', 'year'],
    ['MXN 40,000 - 60,000', 'month'],
    // a currency whose prices move too fast to list keeps its exchange rate
    ['ARS 2.000.000', 'month'],
  ])('infers %s as per %s', (text, period) => {
    expect(read(text).value?.[3]).toBe(period);
  });

  it('reads nothing at all from empty input', () => {
    for (const input of [undefined, null, '', '   ']) expect(parseSalary(input)).toEqual({ value: null, findings: [] });
  });
});

describe('parseSalary: context', () => {
  it.each<[string, string[], string]>([
    ['$120k', ['CA'], 'CAD'],
    ['$120k', ['AU'], 'AUD'],
    ['$120k', ['NZ'], 'NZD'],
    ['$120k', ['SG'], 'SGD'],
    ['$120k', ['HK'], 'HKD'],
    ['$120k', ['MX'], 'MXN'],
    ['$120k', ['US'], 'USD'],
    ['$120k', ['DE'], 'USD'],
    ['$120k', ['US', 'CA'], 'USD'],
    ['$120k', [], 'USD'],
    ['¥8,000,000', ['CN'], 'CNY'],
    ['¥8,000,000', ['JP'], 'JPY'],
    ['500 000 kr', ['DK'], 'DKK'],
    ['500 000 kr', ['SE'], 'SEK'],
    ['500 000 kr', ['NO'], 'NOK'],
    ['5.000.000 kr.', ['IS'], 'ISK'],
    ['Rs. 50,000 per month', ['IN'], 'INR'],
    ['Rs. 50,000 per month', ['PK'], 'PKR'],
    ['R 35 000 per month', ['ZA'], 'ZAR'],
    ['₨ 50,000 per month', ['PK'], 'PKR'],
    ['C$90,000', ['NI'], 'NIO'],
    ['£40,000', ['EG'], 'EGP'],
    ['£40,000', ['GB'], 'GBP'],
  ])('%s in %j is %s', (text, countries, currency) => {
    expect(read(text, { countries }).value?.[2]).toBe(currency);
  });

  it('leaves `$` ambiguous between two dollar countries without a US one', () => {
    expect(read('$120k', { countries: ['CA', 'AU'] })).toEqual({ value: null, rules: ['salary-currency-missing'] });
  });

  it.each<[string, string[], Expected | null]>([
    ['12-18 LPA', ['IN'], [1200000, 1800000, 'INR', 'year']],
    ['12-18 LPA', [], [1200000, 1800000, 'INR', 'year']],
    ['15 lakh per annum', ['PK'], [1500000, 1500000, 'PKR', 'year']],
    ['10L - 15L', ['BD'], [1000000, 1500000, 'BDT', 'year']],
    ['1.2 crore', ['NP', 'US'], [12000000, 12000000, 'NPR', 'year']],
    // two lakh countries and neither is India: no safe reading
    ['20 lakhs', ['PK', 'BD'], null],
    // no lakhs, no reading
    ['50,000', ['IN'], null],
  ])('reads unmarked lakhs and crores %s in %j as a South Asian currency', (text, countries, expected) => {
    expect(read(text, { countries }).value).toEqual(expected);
  });

  it('reports a code that is no currency rather than read lakhs beside it', () => {
    expect(read('XYZ 12-18 LPA', { countries: ['IN'] })).toEqual({ value: null, rules: ['salary-currency-unknown'] });
  });

  it('lets `currency:` outrank what lakhs suggest', () => {
    expect(read('12-18 LPA', { currency: 'USD', countries: ['IN'] }).value).toEqual([1200000, 1800000, 'USD', 'year']);
    expect(read('12-18 LPA', { currency: 'LKR' }).value).toEqual([1200000, 1800000, 'LKR', 'year']);
  });

  it('uses `currency:` when the text has no currency', () => {
    expect(read('245000.0', { currency: 'USD' }).value).toEqual([245000, 245000, 'USD', 'year']);
    expect(read('100k', { currency: 'eur' }).value).toEqual([100000, 100000, 'EUR', 'year']);
    expect(read('35000', { currency: 'US Dollar' }).value?.[2]).toBe('USD');
    expect(read('35000', { currency: '€' }).value?.[2]).toBe('EUR');
    expect(read('35000', { currency: 'kr', countries: ['DK'] }).value?.[2]).toBe('DKK');
  });

  it('lets `currency:` settle an ambiguous symbol it fits', () => {
    expect(read('$60k', { currency: 'CAD' })).toEqual({ value: [60000, 60000, 'CAD', 'year'], rules: ['salary-period-inferred'] });
    expect(read('50 000 kr/mån', { currency: 'SEK' }).value).toEqual([50000, 50000, 'SEK', 'month']);
  });

  it('trusts the text over `currency:` and says so', () => {
    expect(read('€60k a year', { currency: 'USD' })).toEqual({ value: [60000, 60000, 'EUR', 'year'], rules: ['salary-currency-conflict'] });
  });

  it('reports a `currency:` that names no currency', () => {
    expect(read('35000', { currency: 'XYZ' })).toEqual({ value: null, rules: ['salary-currency-unknown'] });
    expect(read('£35,000 a year', { currency: 'pesos-ish' })).toEqual({ value: [35000, 35000, 'GBP', 'year'], rules: ['salary-currency-unknown'] });
  });

  it('ignores malformed context', () => {
    const context = { currency: 42, countries: 'CA' } as unknown as SalaryContext;
    expect(read('$120k a year', context).value).toEqual([120000, 120000, 'USD', 'year']);
  });
});

describe('parseSalary: numbers and mappings', () => {
  it('reads a bare number with `currency:`', () => {
    expect(read(245000, { currency: 'GBP' })).toEqual({ value: [245000, 245000, 'GBP', 'year'], rules: ['salary-period-inferred'] });
    expect(parseSalary(245000, { currency: 'GBP' }).value?.text).toBe('245000');
    expect(read(45, { currency: 'USD' }).value?.[3]).toBe('hour');
  });

  it.each<[unknown, RuleId]>([
    [245000, 'salary-currency-missing'],
    [-5, 'salary-negative'],
    [0, 'salary-absurd'],
    [Number.NaN, 'salary-unreadable'],
    [Number.POSITIVE_INFINITY, 'salary-unreadable'],
    [[95000, 150000], 'value-type'],
    [true, 'value-type'],
    [new Date(0), 'value-type'],
    [{}, 'salary-unreadable'],
    [{ min: 'lots', currency: 'EUR' }, 'salary-unreadable'],
    [{ value: 'Competitive' }, 'salary-not-stated'],
    [{ min: 50000, max: 40000, currency: 'EUR' }, 'salary-range-inverted'],
    [{ min: 50000, currency: 'Doubloons' }, 'salary-currency-unknown'],
    [{ min: -1, max: 5, currency: 'EUR' }, 'salary-negative'],
  ])('%j → no value, %s', (input, rule) => {
    expect(read(input)).toEqual({ value: null, rules: [rule] });
  });

  it.each<[unknown, SalaryContext | undefined, Expected]>([
    [{ min: 95000, max: 150000, currency: 'GBP', period: 'year' }, undefined, [95000, 150000, 'GBP', 'year']],
    [{ value: 45, currency: 'usd', period: 'HOUR' }, undefined, [45, 45, 'USD', 'hour']],
    [{ min: 60000, currency: 'EUR', period: 'annual' }, undefined, [60000, 60000, 'EUR', 'year']],
    [{ max: 500, currency: '£', period: 'per day' }, undefined, [500, 500, 'GBP', 'day']],
    [{ Minimum: 3000, Maximum: 3500, Currency: 'PLN', Period: 'monthly' }, undefined, [3000, 3500, 'PLN', 'month']],
    [{ min_value: '95k', max_value: '120k', currency_code: 'EUR', unit_text: 'YEAR' }, undefined, [95000, 120000, 'EUR', 'year']],
    [{ min: '£50,000', max: '£60,000', period: 'p.a.' }, undefined, [50000, 60000, 'GBP', 'year']],
    [{ value: '80-100k', currency: 'GBP', period: 'year' }, undefined, [80000, 100000, 'GBP', 'year']],
    [{ min: 95000, max: 150000 }, { currency: 'GBP' }, [95000, 150000, 'GBP', 'year']],
    [{ min: 95000, max: 150000, currency: '$', period: 'year' }, { countries: ['CA'] }, [95000, 150000, 'CAD', 'year']],
    [{ currency: 'USD', value: { minValue: 100000, maxValue: 120000, unitText: 'YEAR' } }, undefined, [100000, 120000, 'USD', 'year']],
    [new Map<string, unknown>([['min', 1000], ['max', 1200], ['currency', 'EUR'], ['period', 'week']]), undefined, [1000, 1200, 'EUR', 'week']],
  ])('%j', (input, context, expected) => {
    expect(read(input, context).value).toEqual(expected);
  });

  it('renders a mapping as readable text', () => {
    expect(parseSalary({ min: 95000, max: 150000, currency: 'GBP', period: 'YEAR' }).value?.text).toBe('95000 – 150000 GBP per year');
  });

  it('infers an unknown period word from the size of the figure, as a warning', () => {
    const result = parseSalary({ min: 50000, currency: 'EUR', period: 'fortnightly' });
    expect(result.value?.period).toBe('year');
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'salary-period-inferred', severity: 'warning' })]);
  });
});

describe('salaryText', () => {
  it.each<[unknown, string | null]>([
    ['  £95,000 - £150,000  ', '£95,000 - £150,000'],
    ['', null],
    [245000, '245000'],
    [Number.NaN, null],
    [{ min: 95000, max: 150000, currency: 'GBP', period: 'year' }, '95000 – 150000 GBP per year'],
    [{ min: 50000, currency: 'EUR' }, 'from 50000 EUR'],
    [{ max: 500, currency: 'GBP', period: 'daily' }, 'up to 500 GBP per day'],
    [{ text: 'Competitive', min: 5 }, 'Competitive'],
    [{ currency: 'USD', value: { minValue: 1, maxValue: 2, unitText: 'HOUR' } }, '1 – 2 USD per hour'],
    [{ nothing: 1 }, null],
    [[1, 2], null],
    [true, null],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(salaryText(input)).toBe(expected);
  });
});

describe('readFigure', () => {
  it.each<[string, number | null]>([
    ['60.000', 60000],
    ['60,000', 60000],
    ['1.427.000', 1427000],
    ['57,582.12', 57582.12],
    ['1.234,56', 1234.56],
    ['18,00,000', 1800000],
    ['12,34,567.50', 1234567.5],
    ["120'000", 120000],
    ["1'234.50", 1234.5],
    ['15 000', 15000],
    ['1 234,50', 1234.5],
    ['245000.0', 245000],
    ['45.50', 45.5],
    ['1,5', 1.5],
    ['0.500', 0.5],
    ['1234.567', 1234.567],
    ['1.234.56', null],
    ['1,2,3', null],
    ['1.234,567.8', null],
    ["12'34", null],
  ])('%s → %s', (written, expected) => {
    expect(readFigure(written)).toBe(expected);
  });
});

describe('currency scale table', () => {
  it('names only real ISO 4217 codes and covers the common ones', () => {
    for (const code of ['USD', 'EUR', 'GBP', 'JPY', 'INR', 'CHF', 'DKK', 'PLN', 'SEK', 'NOK', 'CAD', 'AUD', 'BRL', 'KRW', 'CNY', 'ZAR', 'MXN']) {
      expect(unitsPerUsd(code), code).not.toBeNull();
    }
    for (const code of Intl.supportedValuesOf('currency')) {
      if (unitsPerUsd(code) !== null) expect(isIsoCurrency(code)).toBe(true);
    }
  });

  it('gives purchasing power for the common currencies, each near its exchange rate times a real price level', () => {
    for (const code of ['USD', 'EUR', 'GBP', 'JPY', 'INR', 'CHF', 'PLN', 'SEK', 'CAD', 'AUD', 'BRL', 'KRW', 'CNY', 'ZAR', 'MXN', 'PHP', 'IDR']) {
      expect(unitsPerInternationalDollar(code), code).not.toBeNull();
    }
    for (const code of Intl.supportedValuesOf('currency')) {
      const parity = unitsPerInternationalDollar(code);
      if (parity === null) continue;
      expect(isIsoCurrency(code), code).toBe(true);
      // Price levels run from about a fifth of the US's to about one and a half times it; the
      // exchange rates are half-decade buckets, so allow their factor of ~1.7 either way.
      const priceLevel = parity / unitsPerUsd(code)!;
      expect(priceLevel, code).toBeGreaterThan(0.2 / 1.8);
      expect(priceLevel, code).toBeLessThan(1.6 * 1.8);
    }
  });
});

describe('parseSalary properties', () => {
  const checkResult = (input: unknown, context?: SalaryContext): void => {
    const result = parseSalary(input, context);
    for (const finding of result.findings) {
      expect(isRuleId(finding.rule)).toBe(true);
      expect(finding.reason.length).toBeGreaterThan(10);
      expect(finding.reason).not.toMatch(/\n/);
    }
    const value = result.value;
    if (value === null) return;
    expect(Number.isFinite(value.min) && Number.isFinite(value.max)).toBe(true);
    expect(value.min).toBeGreaterThan(0);
    expect(value.min).toBeLessThanOrEqual(value.max);
    expect(isIsoCurrency(value.currency)).toBe(true);
    expect(SALARY_PERIODS).toContain(value.period);
  };

  const ANYTHING = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  });

  it('never throws and only returns sane salaries, whatever the input', () => {
    fc.assert(
      fc.property(ANYTHING, fc.oneof(fc.option(fc.string()), ANYTHING), fc.oneof(fc.array(fc.string({ maxLength: 3 })), ANYTHING), (input, currency, countries) => {
        checkResult(input, { currency, countries } as SalaryContext);
        // Anything inside an otherwise well-formed mapping, too.
        checkResult({ min: input, max: input, currency: input, period: input, value: input });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text, including salary-like noise', () => {
    const salaryChars = fc.constantFrom(...'0123456789.,\' \u00a0\u202f-–~/$£€¥₹kKmM+%'.split(''), 'USD', 'EUR', 'kr', 'per', ' a year', '/h', 'k', 'p.a.', 'Competitive', 'to', '万');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.array(salaryChars, { maxLength: 30 }).map((parts) => parts.join(''))), (text) => {
        checkResult(text);
        checkResult(text, { countries: ['CA'], currency: 'EUR' });
      }),
      { numRuns: 1000 },
    );
  });

  it('survives a mapping whose getters throw', () => {
    const hostile = Object.defineProperty({}, 'min', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(read(hostile)).toEqual({ value: null, rules: ['salary-unreadable'] });
  });

  it('bounds the work on huge strings', () => {
    const huge = '£95,000 - £150,000 '.padEnd(1_000_000, 'x 1,2 ');
    const started = performance.now();
    expect(parseSalary(huge).value?.min).toBe(95000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('parseSalary round trip', () => {
  const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'INR', 'CHF', 'DKK', 'PLN', 'SEK', 'NOK', 'CAD', 'AUD', 'BRL', 'KRW', 'CNY', 'ZAR'];
  const LOCALES = ['en-US', 'de-DE', 'fr-CH', 'en-IN'];
  // Realistic pay in US dollars per period; scaled into each currency.
  const DOLLAR_RANGES: Record<SalaryPeriod, [number, number]> = {
    hour: [8, 250],
    day: [80, 1500],
    week: [400, 6000],
    month: [1000, 15000],
    year: [15000, 500000],
  };
  const PERIOD_WORDS: Record<SalaryPeriod, string[]> = {
    hour: ['per hour', 'an hour', '/hr', '/h', 'hourly', 'p/h', '/Stunde'],
    day: ['per day', 'a day', '/day', 'daily', 'p.d.', '/Tag'],
    week: ['per week', 'a week', '/wk', 'weekly'],
    month: ['per month', 'a month', '/mo', 'monthly', 'pcm', '/Monat', 'par mois'],
    year: ['per year', 'a year', '/yr', 'p.a.', 'per annum', 'annually', '/Jahr', 'brutto/Jahr'],
  };
  const minorDigits = (currency: string): number => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

  interface Generated {
    min: number;
    max: number;
    currency: string;
    period: SalaryPeriod;
    thousands: boolean;
  }

  // Figures are whole units, whole thousands (for `k` styles) or carry cents.
  const salaries: fc.Arbitrary<Generated> = fc
    .record({
      currency: fc.constantFrom(...CURRENCIES),
      period: fc.constantFrom(...SALARY_PERIODS),
      a: fc.double({ min: 0, max: 1, noNaN: true }),
      b: fc.double({ min: 0, max: 1, noNaN: true }),
      same: fc.boolean(),
      rounding: fc.constantFrom('unit', 'thousand', 'cents'),
    })
    .map(({ currency, period, a, b, same, rounding }) => {
      const [low, high] = DOLLAR_RANGES[period];
      const units = unitsPerUsd(currency) ?? 1;
      const step = rounding === 'cents' && minorDigits(currency) === 2 ? 0.01 : 1;
      const toFigure = (fraction: number): number => {
        const raw = (low + (high - low) * fraction) * units;
        if (rounding === 'thousand' && raw >= 2000) return Math.round(raw / 1000) * 1000;
        return Math.round(raw / step) * step;
      };
      const first = toFigure(a);
      const second = same ? first : toFigure(b);
      const min = Math.round(Math.min(first, second) * 100) / 100;
      const max = Math.round(Math.max(first, second) * 100) / 100;
      return { min, max, currency, period, thousands: min % 1000 === 0 && max % 1000 === 0 };
    });

  const digitsFor = (salary: Generated): number => (Number.isInteger(salary.min) && Number.isInteger(salary.max) ? 0 : 2);

  const styles = fc.oneof(
    fc.record({ kind: fc.constant('intl' as const), locale: fc.constantFrom(...LOCALES), display: fc.constantFrom('symbol' as const, 'code' as const) }),
    fc.record({ kind: fc.constant('k' as const), locale: fc.constant('en-US'), display: fc.constantFrom('symbol' as const, 'code' as const) }),
  );

  it('reads back min, max, currency and period from many written styles', () => {
    fc.assert(
      fc.property(
        salaries,
        styles,
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom(' – ', '-', ' - ', ' to ', '~'),
        (salary, style, wordPick, joiner) => {
          const words = PERIOD_WORDS[salary.period];
          const periodWord = words[wordPick % words.length] ?? 'per year';
          const digits = digitsFor(salary);
          const format = new Intl.NumberFormat(style.locale, {
            style: 'currency',
            currency: salary.currency,
            currencyDisplay: style.display,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          });
          let figures: string;
          if (style.kind === 'k' && salary.thousands) {
            const mark = style.display === 'code' ? `${salary.currency} ` : format.formatToParts(0).find((part) => part.type === 'currency')?.value ?? salary.currency;
            const k = (figure: number): string => `${mark}${figure / 1000}k`;
            figures = salary.min === salary.max ? k(salary.min) : `${k(salary.min)}${joiner}${k(salary.max)}`;
          } else {
            figures = salary.min === salary.max ? format.format(salary.min) : `${format.format(salary.min)}${joiner}${format.format(salary.max)}`;
          }
          const text = `${figures} ${periodWord}`;
          const result = parseSalary(text);
          expect(result.value, text).toMatchObject({ min: salary.min, max: salary.max, currency: salary.currency, period: salary.period });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads back what formatSalary writes, in each locale', () => {
    fc.assert(
      fc.property(salaries, fc.constantFrom('en', ...LOCALES), (salary, locale) => {
        const text = formatSalary({ min: salary.min, max: salary.max, currency: salary.currency, period: salary.period, text: '' }, locale);
        expect(parseSalary(text).value, text).toMatchObject({ min: salary.min, max: salary.max, currency: salary.currency, period: salary.period });
      }),
      { numRuns: 1000 },
    );
  });
});
