// Test helpers for the grids: an in-memory SIP Caller data provider (with call logs) and a render
// wrapper with a router at a given URL and no query retries (so error states show at once).
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import {
  AdminContext,
  type DataProvider,
  memoryStore,
  Notification,
  ResourceContextProvider,
} from 'react-admin';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';
import type { SipCallerDataProvider } from '../src/dataProvider/types';
import { i18nProvider } from '../src/i18n';
import type { Campaign, CampaignNumber, Id, UploadResult } from '../src/types';

export const makeCampaign = (overrides: Partial<Campaign> = {}): Campaign => ({
  id: 7,
  name: 'Spring Sale Callback',
  type: 'Dynamic',
  status: 'Active',
  dialer: { mode: 'Predictive' },
  phoneSystemId: 1,
  extensionId: 100,
  tagIds: [3, 5],
  startDate: '2024-12-01T00:00:00',
  ...overrides,
});

export const makeNumbers = (count: number, varCount = 2, campaignId: Id = 7): CampaignNumber[] =>
  Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    number: `+1800555${String(i).padStart(4, '0')}`,
    varValues: Array.from({ length: varCount }, (_, v) => (v === 0 ? `Name ${i}` : String(100 + i))),
    status: (['Pending', 'InProgress', 'Completed', 'Failed'] as const)[i % 4],
    attempts: i % 3,
    ringResult: i % 4 === 0 ? null : (['Answered', 'NoAnswer', 'Busy'] as const)[i % 3],
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    campaignId,
  }));

const matches = (record: Record<string, unknown>, filter: Record<string, unknown>) =>
  Object.entries(filter).every(([key, value]) => {
    if (key === 'campaignId' || value === undefined) return true;
    if (key === 'ids') return (value as Id[]).map(String).includes(String(record.id));
    if (key === 'name' || key === 'number')
      return String(record[key]).toLowerCase().includes(String(value).toLowerCase());
    if (key === 'dialer')
      return (record.dialer as { mode: string }).mode === (value as { mode: string }).mode;
    if (key === 'startDate_gte') return String(record.startDate ?? '') >= String(value);
    if (Array.isArray(value)) return value.includes(record[key]);
    return record[key] === value;
  });

export interface FakeOptions {
  campaigns?: Campaign[];
  numbers?: CampaignNumber[];
  /** Make getList fail (for the error states). */
  failList?: (resource: string, params: Parameters<DataProvider['getList']>[1]) => Error | undefined;
  /** Make the nth (0-based) deleteMany call fail. */
  failDeleteAt?: number;
  upload?: (file: Blob) => Promise<UploadResult>;
}

/** An in-memory provider that speaks like the real one, with vi.fn spies on every method. */
export const fakeProvider = (options: FakeOptions = {}) => {
  const campaigns = options.campaigns ?? [makeCampaign()];
  let numbers = options.numbers ?? [];
  let deleteCalls = 0;
  const getList = vi.fn(async (resource: string, params: Parameters<DataProvider['getList']>[1]) => {
    const failure = options.failList?.(resource, params);
    if (failure) throw failure;
    const source = (resource === 'campaigns' ? campaigns : numbers) as unknown as Record<string, unknown>[];
    const filtered = source.filter((record) => matches(record, params.filter ?? {}));
    const { field, order } = params.sort ?? { field: 'id', order: 'ASC' };
    const key = (record: Record<string, unknown>) =>
      field === 'dialer.mode' ? (record.dialer as { mode: string }).mode : record[field];
    const sorted = [...filtered].sort((a, b) => {
      const [x, y] = [key(a), key(b)] as [string | number, string | number];
      return (x < y ? -1 : x > y ? 1 : 0) * (order === 'DESC' ? -1 : 1);
    });
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    return { data: sorted.slice((page - 1) * perPage, page * perPage) as never[], total: filtered.length };
  });
  const provider = {
    getList,
    getOne: vi.fn(async (resource: string, { id }: { id: Id }) => {
      const source = (resource === 'campaigns' ? campaigns : numbers) as { id: Id }[];
      const record = source.find((item) => String(item.id) === String(id));
      if (!record) throw new Error('not found');
      return { data: record as never };
    }),
    getMany: vi.fn(async (_resource: string, { ids }: { ids: Id[] }) => ({
      data: numbers.filter((record) => ids.map(String).includes(String(record.id))) as never[],
    })),
    getManyReference: vi.fn(async () => ({ data: [], total: 0 })),
    create: vi.fn(async () => {
      throw new Error('not used');
    }),
    update: vi.fn(async () => {
      throw new Error('not supported by the SIP Caller API');
    }),
    updateMany: vi.fn(async () => {
      throw new Error('not supported by the SIP Caller API');
    }),
    delete: vi.fn(async () => {
      throw new Error('not used');
    }),
    deleteMany: vi.fn(async (_resource: string, { ids }: { ids: Id[]; meta?: { campaignId?: Id } }) => {
      const call = deleteCalls++;
      if (call === options.failDeleteAt) throw new Error('Service unavailable');
      const wanted = new Set(ids.map(String));
      const deleted = numbers.filter((record) => wanted.has(String(record.id))).map((record) => record.id);
      numbers = numbers.filter((record) => !wanted.has(String(record.id)));
      return { data: deleted };
    }),
    uploadNumbers: vi.fn(
      async (_campaignId: Id, file: Blob, _options?: unknown): Promise<UploadResult> =>
        options.upload
          ? options.upload(file)
          : { inserted: (await file.text()).split('\r\n').length, rejectedCount: 0, rejected: [] },
    ),
  };
  return provider as typeof provider & SipCallerDataProvider;
};

export const renderGrid = (
  ui: ReactElement,
  {
    dataProvider,
    url = '/',
    path,
    resource,
    accountId = '1001',
  }: { dataProvider: DataProvider; url?: string; path?: string; resource?: string; accountId?: string },
) => {
  const authProvider = {
    login: async () => {},
    logout: async () => {},
    checkAuth: async () => {},
    checkError: async () => {},
    getIdentity: async () => ({ id: accountId, fullName: accountId }),
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const content = resource ? <ResourceContextProvider value={resource}>{ui}</ResourceContextProvider> : ui;
  return render(
    <MemoryRouter initialEntries={[url]}>
      <AdminContext
        dataProvider={dataProvider}
        i18nProvider={i18nProvider}
        store={memoryStore()}
        queryClient={queryClient}
        authProvider={authProvider}
      >
        <Routes>
          <Route path={path ?? '*'} element={content} />
        </Routes>
        <Notification />
      </AdminContext>
    </MemoryRouter>,
  );
};
