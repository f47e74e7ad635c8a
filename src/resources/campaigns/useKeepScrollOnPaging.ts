// react-admin's list moves to another page with `navigate(…, { state: { _scrollToTop: true } })`
// (ra-core's useListParams), and <Admin>'s routes then scroll the window to the top (ra-core's
// useScrollToTop, a passive effect of CoreAdminRoutes). On the campaign page that throws the operator
// back to the details and the chart after every Next or Go to page of the numbers grid. This hook
// puts the window back where it was when only the query of this page changed (page, filter, sort).
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

export const useKeepScrollOnPaging = () => {
  const location = useLocation();
  const pathname = useRef(location.pathname);
  useEffect(() => {
    const samePage = pathname.current === location.pathname;
    pathname.current = location.pathname;
    if (!samePage || !(location.state as { _scrollToTop?: unknown } | null)?._scrollToTop) return;
    // This effect runs before its ancestor's (React runs child effects first), so the window has
    // not moved yet; the microtask runs after react-admin's scrollTo(0, 0), before the next paint.
    const { scrollX, scrollY } = window;
    queueMicrotask(() => window.scrollTo(scrollX, scrollY));
  }, [location]);
};
