import type { ComponentProps } from 'react';
import {
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  AppBar as RaAppBar,
  ToggleThemeButton,
  UserMenu,
  useGetIdentity,
  useTranslate,
} from 'react-admin';
import { locales } from '../i18n/locales';
import { FindNumberButton } from '../resources/dnc';
import { UploadIndicator } from '../resources/numbers';
import { PageHeading } from './PageHeading';

/**
 * react-admin's spinner has no accessible name (axe: aria-progressbar-name) while a request runs; it
 * hands its other props to MUI's CircularProgress, so it is given the words "Loading" here.
 */
const NamedLoadingIndicator = () => {
  const translate = useTranslate();
  const named = { 'aria-label': translate('ra.page.loading') } as ComponentProps<typeof LoadingIndicator>;
  return <LoadingIndicator {...named} />;
};

const toolbar = (
  <>
    {/* An upload under way, while the operator is elsewhere: its progress, a link to it. */}
    <UploadIndicator />
    <FindNumberButton />
    <LocalesMenuButton languages={locales} />
    <ToggleThemeButton />
    <NamedLoadingIndicator />
  </>
);

/**
 * The user menu's button shows the signed-in account id (authProvider.getIdentity). Its accessible
 * name must contain that visible text (WCAG 2.5.3), so it is "Account 1001", not react-admin's "Profile".
 */
const AccountMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const label = identity ? translate('app.layout.account', { id: identity.id }) : 'ra.auth.user_menu';
  return (
    <UserMenu label={label}>
      <Logout />
    </UserMenu>
  );
};

export const AppBar = () => (
  // alwaysOn: the bar holds the page's <h1>, so it must not slide away when the page scrolls.
  <RaAppBar alwaysOn toolbar={toolbar} userMenu={<AccountMenu />}>
    <PageHeading />
  </RaAppBar>
);
