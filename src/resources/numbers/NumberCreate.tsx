// Placeholder: issue 5 fills it.
const NumberCreate = () => null;
export default NumberCreate;
