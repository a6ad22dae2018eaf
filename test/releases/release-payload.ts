import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import type { FakeRelease } from '../support/fake-github';

type Example = { name: string; examples: Record<string, any>[] };
const release = (examples as unknown as Example[]).find((e) => e.name === 'release')!;

/** GitHub's own `release` example payload for `action`, pointed at `owner/repo` and the given release. */
export function aReleaseEvent(action: 'published' | 'created', owner: string, repo: string, r: FakeRelease): Record<string, any> {
  const example = structuredClone(release.examples.find((e) => e.action === action)!);
  example.release = { ...example.release, id: r.id, tag_name: r.tag_name, name: r.name, body: r.body, draft: r.draft, prerelease: r.prerelease, html_url: r.html_url, target_commitish: r.target_commitish ?? 'main', published_at: r.published_at };
  example.repository = { ...example.repository, name: repo, full_name: `${owner}/${repo}`, owner: { ...example.repository.owner, login: owner } };
  return example;
}
