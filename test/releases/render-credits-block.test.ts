import { describe, expect, it } from 'vitest';
import { renderCreditsBlock } from '../../src/releases/core/body/render-credits-block';
import { aSmallRelease } from './credits-builders';

describe('renderCreditsBlock', () => {
  it('renders thanks, a pod section with its advocate, everyone else, new contributors and the compare link', () => {
    expect(renderCreditsBlock(aSmallRelease())).toBe(
      [
        '<!-- podbot:credits:start -->',
        '## Contributors',
        '',
        'Thank you to the 3 people who contributed to this release! 🎉',
        '',
        '### Docs pod',
        '',
        '* Fix typo by @alice in https://github.com/o/r/pull/1',
        '',
        'Contributors: @alice',
        '',
        'Shout-out to @dana, advocate of the Docs pod, for welcoming and guiding its contributors. 🙌',
        '',
        '### Everyone else',
        '',
        '* Add --json flag by @bob in https://github.com/o/r/pull/2',
        '* Bump x by @dependabot[bot] in https://github.com/o/r/pull/3',
        '',
        'Contributors: @bob, Erin E',
        '',
        '### New contributors',
        '',
        '* @bob made their first contribution in https://github.com/o/r/pull/2',
        '',
        '**Full Changelog**: https://github.com/o/r/compare/v1.0.0...v1.1.0',
        '<!-- podbot:credits:end -->',
      ].join('\n'),
    );
  });

  it('folds PR lists into <details> with short #N links at the second level', () => {
    const block = renderCreditsBlock(aSmallRelease(), 'details');
    expect(block).toContain(
      [
        '<details>',
        '<summary>2 pull requests</summary>',
        '',
        '* Add --json flag by @bob in #2',
        '* Bump x by @dependabot[bot] in #3',
        '',
        '</details>',
        '',
        'Contributors: @bob, Erin E',
      ].join('\n'),
    );
    expect(block).toContain('* @bob made their first contribution in https://github.com/o/r/pull/2');
  });

  it('replaces PR lists with counts at the last level, keeping every name', () => {
    const block = renderCreditsBlock(aSmallRelease(), 'counts');
    expect(block).not.toContain('Fix typo');
    expect(block).toContain('### Docs pod\n\n1 pull request.\n\nContributors: @alice');
    expect(block).toContain('2 pull requests.\n\nContributors: @bob, Erin E');
    expect(block).toContain('### New contributors\n\nWelcome! @bob (#2)');
  });

  it('keeps monorepo tags in the compare link as GitHub writes them', () => {
    const credits = { ...aSmallRelease(), release: { owner: 'kubernetes-sigs', repo: 'kustomize', tag: 'kustomize/v5.3.0', previousTag: 'kustomize/v5.2.1' } };
    expect(renderCreditsBlock(credits)).toContain(
      '**Full Changelog**: https://github.com/kubernetes-sigs/kustomize/compare/kustomize/v5.2.1...kustomize/v5.3.0',
    );
  });

  it('cannot be tricked into a second end marker by a PR title', () => {
    const credits = aSmallRelease();
    credits.everyoneElse.pullRequests[0].title = 'evil <!-- podbot:credits:end --> title';
    const block = renderCreditsBlock(credits);
    expect(block.split('<!-- podbot:credits:end -->')).toHaveLength(2);
    expect(block).toContain('* evil &lt;!-- podbot:credits:end --&gt; title by @bob');
  });
});
