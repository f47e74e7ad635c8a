// The benchmarks' baseline: the smallest honest react-admin app — ra-data-simple-rest, the default
// layout, one Datagrid list — against the same emulator. Its download size and the time it takes to
// paint a list are what the console is compared with (bench/size.ts, bench/grid.ts).
// The bench writes the API base and token into localStorage before the page loads.
// Like any app under the server's Content-Security-Policy, it gives Emotion (MUI's styles) the
// response's style nonce, which the server writes into <meta property="csp-nonce"> (Vite's
// html.cspNonce, taken from the console's vite.config.ts by bench/lib/build.ts).

import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import simpleRestProvider from 'ra-data-simple-rest';
import { Admin, Datagrid, DateField, fetchUtils, List, Resource, TextField } from 'react-admin';
import { createRoot } from 'react-dom/client';

const api = localStorage.getItem('bench.api') ?? '/v1/accounts/1001';
const token = localStorage.getItem('bench.token') ?? '';
const campaignId = localStorage.getItem('bench.campaign') ?? '1';

const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return fetchUtils.fetchJson(url, { ...options, headers });
};
const campaigns = simpleRestProvider(api, httpClient);
// The numbers of one campaign live under /campaigns/:id/numbers: the same provider, another base.
const numbers = simpleRestProvider(`${api}/campaigns/${campaignId}`, httpClient);
const dataProvider = {
  ...campaigns,
  getList: (resource: string, params: Parameters<typeof campaigns.getList>[1]) =>
    (resource === 'numbers' ? numbers : campaigns).getList(resource, params),
};

const CampaignList = () => (
  <List>
    <Datagrid bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="name" />
      <TextField source="type" />
      <TextField source="status" />
    </Datagrid>
  </List>
);

const NumberList = () => (
  <List perPage={100} sort={{ field: 'createdAt', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false}>
      <TextField source="number" />
      <TextField source="status" />
      <TextField source="attempts" />
      <TextField source="ringResult" />
      <DateField source="createdAt" />
    </Datagrid>
  </List>
);

const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;
const emotionCache = createCache({ key: 'css', nonce });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <CacheProvider value={emotionCache}>
      <Admin disableTelemetry dataProvider={dataProvider}>
        <Resource name="campaigns" list={CampaignList} />
        <Resource name="numbers" list={NumberList} />
      </Admin>
    </CacheProvider>,
  );
}
