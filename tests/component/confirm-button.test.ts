// The two-step confirmation shared by "清空语料" and "删除这份简报": nothing happens on the first
// click; the confirming click acts; cancel, or waiting past disarmMs, puts the first button back;
// a failure is said in the component's words.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ConfirmButton from '../../src/ui/components/ConfirmButton.svelte';

afterEach(() => vi.useRealTimers());

const labels = { label: '清空', confirmLabel: '确定清空', cancelLabel: '取消' };

describe('ConfirmButton', () => {
  it('acts only on the confirming click, on the same place by default', async () => {
    const onconfirm = vi.fn();
    render(ConfirmButton, { testid: 'x', ...labels, onconfirm });
    await fireEvent.click(screen.getByTestId('x'));
    expect(onconfirm).not.toHaveBeenCalled();
    expect(screen.getByTestId('x')).toHaveTextContent('确定清空');
    await fireEvent.click(screen.getByTestId('x'));
    expect(onconfirm).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByTestId('x')).toHaveTextContent('清空'));
  });

  it('stops asking after disarmMs, and on cancel', async () => {
    vi.useFakeTimers();
    const onconfirm = vi.fn();
    render(ConfirmButton, { testid: 'x', ...labels, disarmMs: 4000, onconfirm });
    await fireEvent.click(screen.getByTestId('x'));
    expect(screen.getByTestId('x-cancel')).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(4001);
    expect(screen.queryByTestId('x-cancel')).toBeNull();
    expect(screen.getByTestId('x')).toHaveTextContent('清空');
    await fireEvent.click(screen.getByTestId('x'));
    await fireEvent.click(screen.getByTestId('x-cancel'));
    expect(screen.queryByTestId('x-cancel')).toBeNull();
    expect(onconfirm).not.toHaveBeenCalled();
  });

  it('asks its question and says why the action failed', async () => {
    render(ConfirmButton, {
      testid: 'x', confirmTestid: 'x-yes', ...labels, question: '确定吗?',
      failedText: (d: string) => `失败:${d}`, onconfirm: () => Promise.reject(new Error('no such bulletin')),
    });
    await fireEvent.click(screen.getByTestId('x'));
    expect(screen.getByRole('alert')).toHaveTextContent('确定吗?');
    await fireEvent.click(screen.getByTestId('x-yes'));
    await waitFor(() => expect(screen.getByText('失败:no such bulletin')).toBeInTheDocument());
  });
});
