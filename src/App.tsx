export const App = () => <h1>SIP Caller Console</h1>;
