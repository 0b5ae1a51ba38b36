import { QueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../api/auth.ts';
import { ApiError, setUnauthorizedHandler } from '../api/client.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // a 4xx will not change by asking again; network and 5xx errors get two more tries
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// Forgetting the user makes RequireAuth redirect to /login, remembering where the user was.
setUnauthorizedHandler(() => queryClient.setQueryData(ME_KEY, null));
