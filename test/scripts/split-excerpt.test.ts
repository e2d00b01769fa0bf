import { describe, expect, it } from 'vitest';
import { splitExcerpt } from '../../src/scripts/search/split-excerpt.ts';

describe('splitExcerpt', () => {
  it('turns Pagefind marks into highlighted runs', () => {
    expect(splitExcerpt('Failure of <mark>ep_testsuite.value_eviction</mark> on windows')).toEqual([
      { text: 'Failure of ', mark: false },
      { text: 'ep_testsuite.value_eviction', mark: true },
      { text: ' on windows', mark: false },
    ]);
  });

  it('decodes the entities of the escaped page text, so it shows as typed', () => {
    expect(splitExcerpt('std::vector&lt;int&gt; &amp;&amp; &quot;x&quot; &#39;y&#x27; &#128512;')).toEqual([
      { text: `std::vector<int> && "x" 'y' 😀`, mark: false },
    ]);
  });

  it('keeps every other tag as text: nothing but marks becomes markup', () => {
    expect(splitExcerpt('<script>alert(1)</script> <MARK>x</MARK> <mark class="a">y')).toEqual([
      { text: '<script>alert(1)</script> <MARK>x</MARK> <mark class="a">y', mark: false },
    ]);
  });

  it('decodes entities into text, never into tags', () => {
    expect(splitExcerpt('&lt;mark&gt;not a mark&lt;/mark&gt;')).toEqual([
      { text: '<mark>not a mark</mark>', mark: false },
    ]);
  });

  it('leaves unknown or invalid entities alone', () => {
    expect(splitExcerpt('&nbsp; &#0; &#xD800; &#99999999; &bogus;')).toEqual([
      { text: '&nbsp; &#0; &#xD800; &#99999999; &bogus;', mark: false },
    ]);
  });

  it('merges adjacent runs and drops empty ones', () => {
    expect(splitExcerpt('<mark>a</mark><mark>b</mark><mark></mark>c')).toEqual([
      { text: 'ab', mark: true },
      { text: 'c', mark: false },
    ]);
    expect(splitExcerpt('')).toEqual([]);
  });
});
