/**
 * The boilerplate of the constructed hard negatives and copies, written for the evaluation (no
 * corpus text): press-release legalese, an author bio, a standard editor's note, a site's header
 * and footer, the lines a republisher inserts, and other headlines. `{Name}` slots are filled per
 * pair, so the block is the same in the two stories of a pair and differs between pairs.
 */

/** ~310 words: what press releases end with, and what unrelated releases of one wire share. */
export const LEGAL_BLOCK = [
  'Forward-Looking Statements',
  'This press release contains forward-looking statements within the meaning of Section 27A of the Securities Act of 1933 and Section 21E of the Securities Exchange Act of 1934, including statements regarding the expected timing, benefits and results of the transactions described above, the outlook of {Company} for the coming fiscal year, its plans for new products and markets, and any other statements that are not historical facts. Words such as "anticipate," "believe," "continue," "could," "estimate," "expect," "intend," "may," "plan," "potential," "predict," "project," "should," "target," "will" and similar expressions are intended to identify forward-looking statements.',
  'These statements are based on the current expectations of management and are subject to risks and uncertainties that could cause actual results to differ materially, including general economic conditions, changes in interest and exchange rates, competition, the ability of {Company} to retain key personnel, the outcome of pending litigation, regulatory approvals, supply chain disruptions, and the other risks described under "Risk Factors" in its most recent Annual Report on Form 10-K and subsequent Quarterly Reports on Form 10-Q filed with the Securities and Exchange Commission. Readers are cautioned not to place undue reliance on these statements, which speak only as of the date of this release. {Company} undertakes no obligation to update or revise any forward-looking statement, whether as a result of new information, future events or otherwise, except as required by law.',
  'About {Company}',
  '{Company} (NASDAQ: {Ticker}) is a leading provider of integrated solutions for customers in more than 40 countries. Founded in 1987 and headquartered in {City}, the company employs more than 6,500 people and serves industrial, commercial and public sector clients through a global network of partners. For more information, visit the company\'s website or follow it on social media.',
  'Media contact: Corporate Communications, {Company}, press office. Investor contact: Investor Relations, {Company}.',
];

/** ~170 words, after every story of one author. */
export const AUTHOR_BIO = [
  'About the author',
  '{Name} is a senior correspondent who has covered politics, business and international affairs for more than fifteen years. Before joining the newsroom, {Name} reported from Brussels, Nairobi and Singapore for a regional newspaper group and worked as a producer for a public broadcaster, where the team won a national award for its coverage of the financial crisis.',
  '{Name} holds a degree in economics and a master\'s in journalism, and was a fellow of a university programme for reporters covering science and technology. Reporting from the field remains the priority: {Name} has written about elections on four continents, about the people behind the statistics on migration and trade, and about the companies that shape the way we work and live. When not on assignment, {Name} teaches a course on data reporting and volunteers with a literacy charity. Story ideas, tips and corrections are welcome by email or through the contact form on this site; all messages are read, even when they cannot all be answered.',
];

/** ~250 words, before every story of one section. */
export const EDITORS_NOTE = [
  'Editor\'s note: {Outlet} is committed to giving readers accurate, independent and fair reporting. This article is part of our continuing coverage and may be updated as new information becomes available. Where we rely on reports from news agencies, partner publications or official statements, we say so in the text, and we correct errors promptly and transparently. If you believe something in this story is inaccurate or incomplete, please contact our standards desk; corrections are listed on a dedicated page and noted at the end of the article concerned.',
  'Our journalists follow a published code of ethics. They do not accept gifts, paid travel or other favours from the people and organisations they cover, and they disclose any personal interest that could be seen as a conflict. Anonymous sources are used only when the information is important to the public and cannot be obtained otherwise, and only with the approval of a senior editor who knows their identity. Opinions expressed by people quoted in our reporting are their own and do not represent the views of {Outlet}.',
  'Reporting like this takes time and resources. If you value it, please consider supporting {Outlet} with a subscription or a donation: it keeps our journalism free for everyone to read, without a paywall, and independent of any political party or commercial interest. Our newsletters bring the day\'s most important stories to your inbox every morning, and you can choose the topics you want to follow. Thank you for reading and for your trust.',
];

/** ~80 words of a site's standard header and footer, left in the article text by the page layout. */
export const SITE_HEADER = [
  'Subscribe to {Outlet} today and get unlimited access to local news, sport, weather and more. Already a subscriber? Log in to your account. Have a news tip? Send it to our newsroom.',
];
export const SITE_FOOTER = [
  'Copyright {Outlet}. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.',
  'About us | Contact us | Advertise with us | Terms of use | Privacy policy | Cookie settings | Careers | Help and frequently asked questions',
];

/** Lines a republisher puts between paragraphs. */
export const INSERTED_LINES = [
  'Advertisement',
  'Read more: {Title}',
  'Follow us on Twitter and Facebook for the latest updates.',
  'Story continues below',
  'Sign up for our daily newsletter',
  'RELATED: {Title}',
];

export const HEADLINES = [
  'What we know so far',
  'The story everyone is talking about this week',
  'Here is why it matters',
  'Breaking: the latest on a developing story',
  'Five things to know before you go to work today',
  'Analysis: a turning point, or more of the same?',
];

export const COMPANIES: [name: string, ticker: string, city: string][] = [
  ['Northwind Systems Inc.', 'NWSY', 'Austin, Texas'], ['Bluefield Holdings Corp.', 'BFHC', 'Columbus, Ohio'],
  ['Meridian Analytics Ltd.', 'MRDN', 'Boston, Massachusetts'], ['Crestline Technologies Inc.', 'CRST', 'San Jose, California'],
  ['Harbor Point Industries', 'HPTI', 'Baltimore, Maryland'], ['Summit Ridge Energy Inc.', 'SREI', 'Denver, Colorado'],
];
export const PEOPLE = ['Alex Morgan', 'Jordan Ellis', 'Sam Whitaker', 'Robin Castellano', 'Taylor Brennan', 'Casey Lindqvist'];
export const OUTLETS = ['The Evening Ledger', 'Riverside Courier', 'Metro Daily Post', 'The Valley Observer', 'Northern Gazette', 'Coastal Times'];

/** Fills `{Slot}`s; a slot without a value is left as it is, so a missing one shows. */
export function fill(lines: readonly string[], slots: Readonly<Record<string, string>>): string[] {
  return lines.map((line) => line.replace(/\{(\w+)\}/g, (whole, name: string) => slots[name] ?? whole));
}
