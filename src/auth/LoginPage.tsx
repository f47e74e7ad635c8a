import { useLogin } from 'react-admin';
import { LoginScreen } from './LoginScreen';

/** react-admin's `loginPage` (after a sign-out or a revoked token): signs in through `useLogin`. */
export const LoginPage = () => {
  const login = useLogin();
  return <LoginScreen login={login} />;
};
