import { describe, expect, it, vi } from 'vitest';
import { createLazyPanelData, type PanelData } from '@/entrypoints/sidepanel/panel-data';

describe('createLazyPanelData', () => {
  it('starts loading at once and runs calls made before the load lands, in call order', async () => {
    const order: string[] = [];
    let land: (data: PanelData) => void = () => undefined;
    const load = vi.fn(() => new Promise<PanelData>((resolve) => (land = resolve)));
    const data = createLazyPanelData(load);
    expect(load).toHaveBeenCalledTimes(1);
    const first = data.getConversation('a');
    const second = data.rename('a', 'Title');
    land({
      getConversation: async (id: string) => {
        order.push(`get ${id}`);
        return undefined;
      },
      rename: async (id: string, title: string) => {
        order.push(`rename ${id} ${title}`);
      },
    } as unknown as PanelData);
    await Promise.all([first, second]);
    expect(order).toEqual(['get a', 'rename a Title']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('rejects the calls waiting on a failed load, and the next call loads again', async () => {
    const working = { list: async () => [] } as unknown as PanelData;
    const load = vi
      .fn<() => Promise<PanelData>>()
      .mockRejectedValueOnce(new Error('chunk failed'))
      .mockResolvedValue(working);
    const data = createLazyPanelData(load);
    const waiting = [data.list(), data.feedbackCounts()];
    await expect(waiting[0]).rejects.toThrow('chunk failed');
    await expect(waiting[1]).rejects.toThrow('chunk failed');
    await expect(data.list()).resolves.toEqual([]);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('offers every PanelData operation as a function', () => {
    const data = createLazyPanelData(() => new Promise<PanelData>(() => undefined));
    expect(typeof data.importBundles).toBe('function');
    expect(typeof data.replaceFeedback).toBe('function');
    expect(Object.keys(data)).toHaveLength(25);
  });
});
