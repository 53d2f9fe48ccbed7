// Removing a bulletin from the bulletin view: nothing happens until the user confirms; then the
// worker is asked, the view goes back to the list (which no longer holds it), and a refusal is
// shown without leaving the view.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import RemoveBulletinButton from '../../src/ui/components/RemoveBulletinButton.svelte';
import { BulletinDesk, type Requester } from '../../src/ui/lib/bulletin-desk.svelte';
import { i18n } from '../../src/ui/lib/i18n.svelte';

beforeEach(() => i18n.set('zh'));

function desk(fail = false) {
  const calls: Array<[string, unknown]> = [];
  const requester: Requester = {
    request: (async (type: string, params: unknown) => {
      calls.push([type, params]);
      if (type === 'remove-bulletin') {
        if (fail) throw new Error('there is no bulletin 7 in the corpus');
        return { bulletins: 4, failed: 0, articles: 40, fragments: 1 };
      }
      if (type === 'list-bulletins') return [];
      throw new Error(`unexpected ${type}`);
    }) as Requester['request'],
  };
  const changed = vi.fn();
  return { d: new BulletinDesk(requester, changed), calls, changed };
}

describe('removing a bulletin', () => {
  it('asks first, then removes it and refreshes the list and the results', async () => {
    const { d, calls, changed } = desk();
    render(RemoveBulletinButton, { desk: d, bulletinId: 7, name: '新乡日报_2026-06-10_04.txt', articles: 11 });
    await userEvent.click(screen.getByTestId('bulletin-remove'));
    expect(screen.getByRole('alert')).toHaveTextContent('确定删除“新乡日报_2026-06-10_04.txt”及其 11 篇文章?');
    expect(calls).toEqual([]);
    await userEvent.click(screen.getByTestId('bulletin-remove-cancel'));
    expect(screen.queryByTestId('bulletin-remove-confirm')).toBeNull();
    await userEvent.click(screen.getByTestId('bulletin-remove'));
    await userEvent.click(screen.getByTestId('bulletin-remove-confirm'));
    await waitFor(() => expect(calls.map(([t]) => t)).toEqual(['remove-bulletin', 'list-bulletins']));
    expect(calls[0][1]).toEqual({ bulletinId: 7 });
    expect(changed).toHaveBeenCalledWith(7);
  });

  it('says why the worker refused', async () => {
    const { d } = desk(true);
    render(RemoveBulletinButton, { desk: d, bulletinId: 7, name: 'x.txt', articles: 1 });
    await userEvent.click(screen.getByTestId('bulletin-remove'));
    await userEvent.click(screen.getByTestId('bulletin-remove-confirm'));
    await waitFor(() => expect(screen.getByText(/删除失败:there is no bulletin 7/)).toBeInTheDocument());
  });
});
