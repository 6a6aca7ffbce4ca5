// PLACEHOLDER: this page is being built (issue #10); it is replaced before the issue is resolved.
import { h } from '../dom';
import type { PageContext } from '../router';
import { pageHeading } from '../ui';

export function teamPage({ main }: PageContext): void {
  main.append(pageHeading('Team builder'), h('p', {}, 'This page is not built yet.'));
}
