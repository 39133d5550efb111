import { Page } from '../../components/page';

export function SignInPage({ next: _next }: { next: string }) {
  return <Page title="Sign in" home="/console">{null}</Page>;
}
