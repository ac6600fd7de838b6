// Page metadata and titles as a person would file them: JSON-LD read before scripts go, dates
// as ISO YYYY-MM-DD where they can be read, site names off titles, ledes shortened to a title.
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../electron/services/library/importers/html';
import { isoDate, normaliseDate, titleWithoutSite } from '../../electron/services/library/importers/page-metadata';
import { titleFromText } from '../../electron/services/library/importers/titles';

const body = '<article><p>' + 'Rebels said on Thursday they had seized the southern city. '.repeat(8) + '</p></article>';

describe('dates', () => {
  it.each([
    ['2026-03-14', '2026-03-14'],
    ['2026-03-14T23:30:00-05:00', '2026-03-14'],
    ['March 14, 2026', '2026-03-14'],
    ['14 March 2026', '2026-03-14'],
    ['Sat, 14 Mar 2026 23:30:00 -0500', '2026-03-14'],
    ['05/29/2007 09:49:00', '2007-05-29'],
  ])('%s is %s, the day the page wrote', (raw, iso) => {
    expect(isoDate(raw)).toBe(iso);
  });

  it('keeps what it cannot read as written, and never reads a relative date against today', () => {
    expect(isoDate('3 hours ago')).toBeNull();
    expect(normaliseDate('Spring 2026')).toBe('Spring 2026');
    expect(normaliseDate('   ')).toBeNull();
  });
});

describe('titles', () => {
  it('drops the site name from either end, and only the site name', () => {
    expect(titleWithoutSite('Rebels seize Daraa - BBC News', 'BBC News')).toBe('Rebels seize Daraa');
    expect(titleWithoutSite('Reuters | Rebels seize Daraa', 'Reuters')).toBe('Rebels seize Daraa');
    expect(titleWithoutSite('Rebels seize Daraa - a timeline', 'BBC News')).toBe('Rebels seize Daraa - a timeline');
  });

  it('takes a short first line as the headline', () => {
    expect(titleFromText('Rebels claim Daraa\n\nRebels said…', 'story.txt')).toBe('Rebels claim Daraa');
  });

  it('takes the first sentence of a long lede, without the wire dateline', () => {
    const lede =
      'DAMASCUS, March 14 (Reuters) - Rebels said on Thursday they had seized the southern city of Daraa. ' +
      'The claim could not be independently confirmed, and government forces said fighting continued in several districts.';
    expect(titleFromText(lede, 'story.txt')).toBe('Rebels said on Thursday they had seized the southern city of Daraa.');
  });

  it('skips a dateline on a line of its own, as a person would', () => {
    expect(titleFromText('KESTRAVA, March 14 (Meridian Wire) -\n\nRebel commanders said they had seized Dorsk. More followed.', 'wire.txt')).toBe(
      'Rebel commanders said they had seized Dorsk. More followed.',
    );
    const lede = 'Rebel commanders said on Friday that they had seized the river town of Dorsk and two villages on the road to Kestrava, the provincial capital, after three days of fighting.';
    expect(titleFromText(`VARNHOLT (AP) —\n${lede}`, 'wire.txt')).toBe('Rebel commanders said on Friday that they had seized the river town of Dorsk and two villages on…');
  });

  it('shortens a long first sentence at a word, and falls back to the file name when the line is not prose', () => {
    const long = 'Rebels ' + 'and their allies '.repeat(12) + 'said they had seized the city.';
    const title = titleFromText(long, 'story.txt');
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(101);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(titleFromText('word '.repeat(100), 'long-line.txt')).toBe('long-line');
  });
});

describe('JSON-LD', () => {
  const page = (jsonLd: string, head = '') =>
    `<html><head>${head}<script type="application/ld+json">${jsonLd}</script></head><body>${body}</body></html>`;

  it('gives author, publisher and date though scripts are stripped before Readability', () => {
    const doc = htmlToDocument(
      'a.html',
      page(
        JSON.stringify({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebPage', name: 'Home' },
            {
              '@type': 'NewsArticle',
              headline: 'Rebels claim Daraa',
              author: [{ '@type': 'Person', name: 'Jane Roe' }, { '@type': 'Person', name: 'Ali Said' }],
              publisher: { '@type': 'Organization', name: 'Wire Service' },
              datePublished: '2026-03-14T09:00:00+02:00',
            },
          ],
        }),
      ),
      { article: true },
    );
    expect(doc).toMatchObject({ title: 'Rebels claim Daraa', author: 'Jane Roe, Ali Said', outlet: 'Wire Service', publishedAt: '2026-03-14' });
  });

  it('ignores broken JSON-LD and keeps the meta tags', () => {
    const doc = htmlToDocument('b.html', page('{ not json', '<meta name="author" content="Jane Roe"><meta property="article:published_time" content="March 14, 2026">'), {
      article: true,
    });
    expect(doc).toMatchObject({ author: 'Jane Roe', publishedAt: '2026-03-14' });
  });
});
