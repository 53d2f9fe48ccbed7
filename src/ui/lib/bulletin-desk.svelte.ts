// The bulletin view's state: the list of loaded bulletins, the one open with its articles and
// fragments in page order, and the paper/date correction. Requests go to the corpus worker
// through the corpus client; the latest open wins, like searches.
import type { BulletinDetail, BulletinMetaInput } from '../../core/store/bulletin-types';
import type { BulletinRow } from '../../core/store/types';
import type { ParamsOf, RequestType, ResultOf } from '../../worker/protocol';

/** The one thing the desk needs from the corpus client: sending a request. */
export interface Requester {
  request<K extends RequestType>(type: K, params: ParamsOf<K>): Promise<ResultOf<K>>;
}

/** Bulletins as reactive state plus the actions of the bulletin view. */
export class BulletinDesk {
  list = $state.raw<BulletinRow[]>([]);
  listLoading = $state(false);
  /** The open bulletin (null: the list is shown). */
  detail = $state.raw<BulletinDetail | null>(null);
  detailLoading = $state(false);
  /** Why the last request failed, or null. */
  error = $state<string | null>(null);
  saving = $state(false);
  /** Why the last correction was refused (an unreadable date …), or null. */
  saveError = $state<string | null>(null);

  private openSeq = 0;
  private listSeq = 0;

  constructor(
    private readonly corpus: Requester,
    /** Called after a correction rewrote articles, so other views can refresh. */
    private readonly onChanged: (bulletinId: number) => void = () => {},
  ) {}

  /** Fetch the list of bulletins again. */
  async refreshList(): Promise<void> {
    const seq = ++this.listSeq;
    this.listLoading = true;
    try {
      const list = await this.corpus.request('list-bulletins', {});
      if (seq === this.listSeq) this.list = list;
    } catch (e) {
      if (seq === this.listSeq) this.error = message(e);
    } finally {
      if (seq === this.listSeq) this.listLoading = false;
    }
  }

  /** Open one bulletin (its pieces in page order). */
  async open(bulletinId: number): Promise<void> {
    const seq = ++this.openSeq;
    this.detailLoading = true;
    this.saveError = null;
    try {
      const detail = await this.corpus.request('get-bulletin', { bulletinId });
      if (seq !== this.openSeq) return;
      this.detail = detail;
      if (!detail) this.error = `bulletin ${bulletinId} is no longer in the corpus`;
    } catch (e) {
      if (seq === this.openSeq) this.error = message(e);
    } finally {
      if (seq === this.openSeq) this.detailLoading = false;
    }
  }

  /** Back to the list. */
  close(): void {
    this.openSeq++;
    this.detail = null;
    this.detailLoading = false;
    this.saveError = null;
  }

  /** Correct the open bulletin's paper and date; blank values go back to what was inferred. */
  async saveMeta(input: BulletinMetaInput): Promise<boolean> {
    const open = this.detail;
    if (!open) return false;
    const bulletinId = open.bulletin.id;
    this.saving = true;
    this.saveError = null;
    try {
      const detail = await this.corpus.request('set-bulletin-meta', { bulletinId, ...input });
      if (this.detail?.bulletin.id === bulletinId) this.detail = detail;
      this.onChanged(bulletinId);
      void this.refreshList();
      return true;
    } catch (e) {
      this.saveError = message(e);
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Remove a bulletin from the corpus (the user confirmed): back to the list, which follows.
   *  Rejects with the worker's reason; nothing changed then. */
  async remove(bulletinId: number): Promise<void> {
    await this.corpus.request('remove-bulletin', { bulletinId });
    if (this.detail?.bulletin.id === bulletinId) this.close();
    this.onChanged(bulletinId);
    await this.refreshList();
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
