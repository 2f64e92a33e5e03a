/** Rule documentation in English (see rule-docs.ts). */
import type { RuleDocs } from './rule-docs.js';
import { ruleDocsRelationsEn } from './rule-docs-relations-en.js';

export const ruleDocsEn: RuleDocs = {
  ...ruleDocsRelationsEn,
  sum: {
    summary: 'the units add up to the total unit, for every count indicator',
    checks:
      'For each count indicator (households and poor households at the start and the end, poor households reduced) the values of the units add up to the total unit (the column or row named Toàn tỉnh, Toàn huyện, Tổng cộng, Cộng, Cả nước, Total …, the configuration\'s totalNames, or --total NAME; else the first unit when its name says a higher level than every unit after it (Thành phố Hà Nội over its Quận and Huyện, a Huyện over its Xã; a district-level Thành phố among districts never) or, in a list of one level, when its figures are the others\' sums in two counts or more (an info says so); without one the sums are not checked and the report says so; --total first takes the first unit, with an info saying so). Where units nest (code and parent columns, blocks with their subtotals, or names that say their level: a Huyện followed by its Xã), each unit is checked against its own parts. The finding sits at the total\'s cell and gives the sum of the parts and the difference.',
    why: 'Totals are typed by hand or summed over the wrong range, and the total is the figure that goes on into the provincial report.',
    example:
      'fixtures/planted/households-total-typo.csv: the province\'s households at the start are typed 210,399, while the seven districts add up to 210,299 → error at D2.',
  },
  flow: {
    summary: 'poor households at the end = at the start − reduced during the year, per unit',
    checks: 'For every unit: poor_end = poor_start − poor_reduced. The finding sits at the poor_end cell.',
    why: 'The three counts are typed separately; a transposed digit in one of them breaks the year\'s balance without changing any total much.',
    example:
      'fixtures/planted/poor-end-transposed.csv: Chiêm Hóa has 5,511 poor households at the start and 818 reduced, so 4,693 at the end; the table shows 4,963 → error at I6.',
  },
  rate: {
    summary: 'start and end poverty rates = poor / households × 100, half-up to 2 decimals (end rate over END households)',
    checks:
      'rate_start = round(poor_start / households_start × 100, 2) and rate_end = round(poor_end / households_end × 100, 2), rounded half-up. When a wrong end rate equals poor_end over the START-of-year households, the message says so. A unit with 0 households and 0 poor has no rate but 0: any other printed figure is an error.',
    why: 'A rate over the wrong denominator, or rounded another way, looks plausible and passes review; plan targets are stated in these rates.',
    example:
      'fixtures/planted/end-rate-start-denominator.csv: Na Hang 2,704 / 10,580 × 100 = 25.56, but the table shows 25.83 = 2,704 / 10,468 (the start-of-year households) → error at J10.',
  },
  'rate-change': {
    summary: 'the reduction in points = printed start rate − printed end rate',
    checks:
      'rate_reduced = rate_start − rate_end on the printed two-decimal rates (computed from the counts when the rates are not printed). Where that convention gives another value than the unrounded difference, an info says so; a reduction equal to the unrounded difference rounded, or to reduced / start households, is named as such.',
    why: 'The annex subtracts the printed rates; the unrounded difference or the share of households lifted out are common substitutes that differ by a hundredth or more.',
    example:
      'The seed\'s Hàm Yên: 15.08 − 12.43 = 2.65 although the unrounded difference 2.6424 rounds to 2.64 (info). fixtures/planted/rate-change-rounded.csv writes 2.64 → error at H9.',
  },
  denominator: {
    summary: 'where households at the end differ from the start, the two rates have different denominators',
    checks:
      'Where households_end ≠ households_start: the reduction in points, the reduced households as a share of the start-of-year households, and the part of the fall due to the change in households alone: rate_start − rate_end = R/H0 + P1·(H1 − H0)/(H0·H1). One warning at the total unit, saying what this means for the total\'s reduction; each other unit\'s split is an info; a unit gets a warning only when the change decides something: the direction of its rate, or (with targets) a rate target met only because of it. Also this rule\'s warnings: a flow\'s rate (households that left poverty, newly poor …) whose count and rate fit other households than the unit\'s: close to them (a few per cent off, as the start-of-year households), or the poor households at the start (an exit rate over the poor, not over all households); the warning names the households the rate fits.',
    why: 'A fall of the rate in points is read as households lifted out of poverty; with growing households part of the fall is arithmetic, not exits.',
    example:
      'The seed\'s province: the 4,188 reduced households are 1.99 % of the 210,299 start-of-year households, but the rate fell 2.06 points; about 0.07 points come from the 1,481 new households → warning at D9.',
  },
  range: {
    summary: 'counts whole and not negative; poor ≤ households; reduced ≤ poor at the start; rates within 0–100',
    checks:
      'Counts are whole numbers, not negative; poor households never exceed households; no more are reduced than were poor at the start; rates lie within 0–100 and the reduction within -100–100. A negative reduction (a net increase of poor households) is a warning.',
    why: 'These values are impossible (or, for a negative reduction, unusual enough to check the sign) whatever the other cells say.',
    example: 'Poor households at the end typed -12 → error at that cell; poor households reduced typed -40 → warning.',
  },
  number: {
    summary: 'a cell that should hold a number does not',
    checks:
      'Stray text (4.18x, n/a), a malformed group (21.0299), a number in the other format than the file\'s (210,299 in a Vietnamese-format file), a spreadsheet\'s error value (#DIV/0!, #REF!, #N/A: named with what it means and its formula), or a dash where a number belongs. Counts that lost the zeros of their last group in a save (39,880 households written 39.88 by a spreadsheet that read the thousands separator as a decimal mark) each say what was probably typed, and one warning says why (fix writes them back).',
    why: 'Such a cell is read as text by a spreadsheet, so a SUM skips it silently.',
    example: 'fixtures/planted/stray-text.csv: Lâm Bình\'s poor households reduced typed 28x → error at K5; fixtures/planted/malformed-group.csv: 50.1800 → error at E3.',
  },
  missing: {
    summary: 'a value, a unit name or a count indicator is missing (or a formula has no saved result)',
    checks:
      'An empty value cell (error), a unit row without a name (error), a workbook formula whose file stores no computed result (error), or a table that lacks a count indicator (warning, listing the checks it prevents).',
    why: 'A check that cannot be made must be visible, not silently passed.',
    example: 'fixtures/xlsx/formula-no-cache.xlsx: D5 holds =SUM(E5:K5) but no saved result → error at D5, and the sum and rate checks of the province are listed as not checked.',
  },
  duplicate: {
    summary: 'a unit or an indicator appears twice',
    checks: 'Two columns (or rows) with the same unit name, or two rows (or columns) for the same indicator; names are compared ignoring case and diacritics, and unit aliases from the configuration.',
    why: 'A pasted block shows up twice and doubles a total.',
    example: 'Two columns headed "Na Hang" → error at the second header cell, naming the first.',
  },
  hierarchy: {
    summary: 'units form one tree under the total (code and parent columns)',
    checks: 'In a long table with code and parent columns (province → district → commune, any depth): every parent code names a unit of the table, no unit is its own ancestor, and every unit but the total has a parent. `sum` then checks every parent against its children, at every level.',
    why: 'A commune filed under a wrong or mistyped district code silently drops out of every sum; a loop of parents makes the totals meaningless.',
    example: 'A commune row with parent code 099, which no unit has → error at its parent cell: it is added up nowhere.',
  },
  'split-table': {
    summary: 'plan documents: a table split at a page break is read as one, and a note says so',
    checks:
      'A table that follows a poverty table directly (nothing but empty paragraphs or a page break between), with as many columns, and has no header row of its own or repeats that table\'s, is its continuation: the two parts are checked as one table, with the units of the first part\'s header; cells keep their places in Word (Table 2, row 3, column 10). An info says the table was read so.',
    why: 'Word splits a long annex into two tables at a page break; read alone, the second part has no unit names and cannot be checked. The reader needs to know the two were joined to find the cells in the document.',
    example: 'fixtures/plans/writer/split-annex.docx: Table 2 repeats the header row of Table 1 → one info at the first cell of Table 2; the checks run over both parts as one table.',
  },
  unknown: {
    summary: 'a row or column that is not recognised (reported, not checked)',
    checks:
      'A row (wide layout) or column (long layout) whose label is none of the known wordings, or that has values but no label. It is reported and left out, never dropped silently. A CSV header longer than every row below it because a name holds the delimiter outside quotes: the rest of the name (starting with a space, a small letter or a closing bracket) is joined back to the name before it and the names after it move back over their figures, with a warning; when the rest cannot be told, a warning says the names may stand one column off. A wide table\'s row label split so (the row longer than the others, the rest in the cell after the label) is joined back too, the row\'s figures moved under their units, with a warning; so is a long table\'s unit name split so (the figures moved under their indicators, one warning naming the rows). A workbook saved from such a CSV (the name over two cells) is read as the CSV is, the warning saying to put the name back into one cell.',
    why: 'A renamed row would otherwise disappear from every check; add its wording under "labels" in povcheck.config.json if it is one of the eight indicators.',
    example: 'A row "Thu nhập bình quân đầu người" (income per person) → warning at its label cell.',
  },
  target: {
    summary: "the plan's targets are met (with --targets, --target or the configuration's targets)",
    checks:
      'For each target (a unit or the total, an indicator key, >=, <= or =, a value): the unit\'s value as the table prints it (computed from the counts the annex\'s way when the table does not print it) meets it. A met target is an info; a missed one an error at the indicator\'s cell, giving the target, the value and the gap in households: how many more (or fewer) poor households leaving poverty would meet it, by the arithmetic of povcheck plan, or why no number would (the target needs more points than the start rate, an = the rounded rate steps over, an indicator such as households that exits do not move). A target naming a unit no table of the run has stops the run (exit 2).',
    why: 'The annex goes with a plan that promises reductions; a table that misses them by a few households should say so, and say how many, before it is signed.',
    example:
      'fixtures/targets/na-hang-short.csv with fixtures/targets/tuyen-quang-2020.json: Na Hang lifts 370 households out of poverty, its rate falls 3.81 points; the target is 4 points or more → error at J9: at least 20 more households (390 at least). The province falls 2.05 points for 2.06 → 9 more (4,177 at least, 4,168 in the table).',
  },
  continuity: {
    summary: 'with --series: each year starts with the households and poor households the year before ended with',
    checks:
      'For consecutive files (validate --series 2020.csv 2021.csv …, in year order): every unit\'s households and poor households at the start of a year equal its values at the end of the year before, units matched by name (case, diacritics and spacing ignored; unit aliases apply), the totals with each other. The finding sits at the later file\'s start-of-year cell and names the earlier file and its cell. Units that appear or disappear are warnings; --units-map sums old units into the new one they were merged into before comparing. One info per pair says how many units were compared.',
    why: 'Each year\'s annex is typed anew; a start-of-year figure copied from a draft or a later survey breaks the chain of years without breaking any check within the table.',
    example:
      'validate --series fixtures/tuyen-quang-2020.csv fixtures/series/tuyen-quang-2021-break.csv: Hàm Yên starts 2021 with 31,850 households, but 2020 ends with 31,800 (H3) → error at H2 of the 2021 file (and at D2, the province\'s 211,830 for 211,780).',
  },
  claim: {
    summary: "plan documents: figures the text states agree with the table and within their sentence; the text's targets are met",
    checks:
      'In a plan document (.docx, or Word\'s plain-text export), sentences in the standard phrasing of these plans are read as claims: the poverty rate\'s reduction ("giảm 2,06%"), start and end ("từ 11,8% xuống còn 9,74%"), poor households reduced ("giảm 4.188 hộ nghèo"), of the total ("toàn tỉnh") or of named units. Each is compared with the table at the precision the text writes (11.8 = 11.80) and, when a sentence states start, end and reduction, with itself (11.8 − 9.74 = 2.06). A bound ("Riêng các huyện nghèo (Lâm Bình, Na Hang) giảm từ 4% trở lên") becomes a target checked by the target rule, without a targets file. A figure that disagrees is an error at the sentence; a unit the table lacks is a warning; in a table whose header row was lost no unit can be matched by name (listed as not checked; name the columns with --units). Sentences about near-poor or ethnic-minority households, averages over several years, other years, and sections reporting past results are not read as claims.',
    why: 'The text restates the annex\'s figures and sets its targets; staff type both by hand and nobody compares them, so the decision can promise one figure while its annex shows another.',
    example:
      'fixtures/plans/planted/claim-disagrees.docx states "giảm 2,6%" for the province while table 1 shows 2.06 and the sentence itself gives 11.8 − 9.74 = 2.06 → one error at ¶12.',
  },
  money: {
    summary: 'plan documents: every total of money equals its parts, in the unit stated',
    checks:
      'Amounts in the text ("210.679 triệu đồng", "1,5 tỷ đồng") form a hierarchy: a total opening a list ("Tổng kinh phí …: 210.679 triệu đồng. Trong đó:") and its list items, an amount and the parts in the bracket after it ("(vốn đầu tư phát triển 70.756 triệu đồng, vốn sự nghiệp 15.617 triệu đồng)"), an amount and the parts after "trong đó" in its sentence. Every total must equal its parts (converted to its unit and rounded half-up to its decimals); a single part after "trong đó" need only not exceed it. When totals fail, the one figure whose corrected value makes every failing total hold is named as the likely cause (solved exactly; ranked by typing slips when several fit), and the totals it explains are reported once, at it.',
    why: 'Budgets are copied between drafts by hand; one changed figure makes a project disagree with both its kinds of capital and the total, and the decision goes out with money that does not add up.',
    example:
      'The seed plan: Dự án 1 is stated as 79,381 triệu đồng while its parts give 70,756 + 15,617 = 86,373, and the total 210,679 adds up only with 86,373 → one error at 79,381, proposing 86,373.',
  },
  reference: {
    summary: 'plan documents: each cited document has one date and one issuer, and dates exist',
    checks:
      'Citations such as "Quyết định số 468/QĐ-UBND ngày 16/12/2019 của Ủy ban nhân dân tỉnh", "Nghị quyết số 46-NQ/TU", "Quyết định 33/2015/QĐ-TTg ngày 10/8/2015": the same number cited with two dates, or by two issuers (abbreviations such as UBND expanded), is a warning citing both places; a date that cannot exist (31/02, month 13) is an error; a number carrying a year (33/2015/…) dated another year is a warning. A citation without a date or issuer conflicts with nothing; when no citation has a date and no number is cited twice with its issuer, nothing is compared and the check is counted as not run.',
    why: 'Decisions are cited from memory or from an older plan; a wrong date points the reader at another document, or at none.',
    example: 'The seed plan cites Quyết định số 468/QĐ-UBND as of 16/12/2019 in its preamble and of 16/12/2018 in section IV → one warning.',
  },
  unreadable: {
    summary: 'the file could not be read as a table',
    checks: 'An input that is empty, binary, not a table, over the size limits, or whose number format cannot be decided. The message gives the reason.',
    why: 'A submission povcheck cannot read is not a submission that passed.',
    example: 'A .xls file saved by an old Excel → "this is a legacy Office file (.xls/.doc); save it as CSV or .xlsx".',
    where:
      'A file\'s status in every report: "cannot be read" in the text report, "status": "unreadable" in the JSON report (with "error": its code and message), counted as unreadable in the summary; in the CI formats an error of the pseudo-rule unreadable (SARIF, GitLab, JUnit, GitHub).',
    weight: 'an error: the run exits 2, whatever the other files give.',
  },
  unchecked: {
    summary: 'the file was read, but no check could run on it',
    checks:
      'A table whose labels were not understood, that has no units (a header alone, a blank form), or whose values no check can compare. The message names the labels not understood and the `labels` configuration entry that would map them.',
    why: 'A table that was not checked has not passed: a gap in what povcheck understands must never turn a submission green.',
    example: 'A commune table headed "Tổng số hộ", "Số hộ thoát nghèo", "Tỷ lệ hộ nghèo (%)" → nothing could be checked — not understood: "Tổng số hộ", …',
    where:
      'A file\'s status in every report: "nothing checked" in the text report, "status": "unchecked" in the JSON report (its coverage says why), counted as not checked in the summary; in the CI formats an error of the pseudo-rule unchecked (SARIF, GitLab, JUnit, GitHub).',
    weight: 'an error: the run exits 2, never 0 (a file not checked has not passed).',
  },
  coverage: {
    summary: 'what the checks of a file covered: which ran, which could not and why, the labels not understood',
    checks:
      'For each table read: how many of the checks asked of it compared at least one value ("6 of 6 checks ran"), each check that could not run with its reason (the table gives no count it needs), the places a check was left out (a cell that is not a number: the "Not checked" section), and the labels povcheck did not understand, or read as naming nothing it checks, with the configuration\'s labels entry that would map them.',
    why: 'A file without errors is only as good as what was checked: a check that could not run finds nothing, and the coverage says so rather than let silence pass for agreement.',
    example:
      'fixtures/planted/stray-text.csv: "6 of 6 checks ran, except in 3 places": its cell K5 holds "28x", so the checks of Lâm Bình and of the total that need that cell are listed under "Not checked".',
    where:
      'The text report\'s heading line, its "Checks:" line and its "Not checked" section; the JSON report\'s coverage of each file (checks, ran, notRun, notUnderstood, notCompared: the indicators given figures that no check compared with anything); in the CI formats a notice coverage on a file where only some checks ran (GitHub, GitLab), and a property of its test suite (JUnit) or of its artifact (SARIF).',
    weight: 'information: it never fails a run by itself (a file where no check ran at all is unchecked).',
  },
  'passed-over': {
    summary: 'a file a folder search found and did not check: a .txt that is not an Excel text export, a web page without a table',
    checks:
      'A folder or pattern given to validate is searched for the files povcheck reads (.csv, .tsv, .xlsx, .xlsm, .xls, .ods, .docx, .doc), for .txt files that are Excel text exports ("Unicode Text", "Text (Tab delimited)") and for web pages that hold a table or that a word processor or spreadsheet wrote (.htm, .html, .mht); any other .txt file (a note, a plan\'s text, a table saved as text another way) and any other web page (not povcheck\'s own reports) is not checked but named, so that a verdict never covers a file it did not read. Named on the command line, the file is checked.',
    why: 'A submission saved as .txt is easily taken for a checked one; a run that passed a file over says which.',
    example:
      'povcheck validate submissions/ with submissions/ghi-chu.txt, a note → "Not checked: 1 .txt file in the folders that does not look like an Excel text export (…): submissions/ghi-chu.txt. Name a file in the command to check it (a table, or a plan\'s text)."',
    where:
      'One line after the text report\'s summary (on stderr when the report is not text on the terminal); passedOver in the JSON report; a notice in --format github, a note among SARIF\'s notifications, a suite of skipped test cases passed-over in JUnit, an info issue passed-over in --format gitlab.',
    weight: 'information: the exit code is unchanged.',
  },
};
