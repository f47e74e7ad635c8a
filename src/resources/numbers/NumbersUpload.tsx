// Placeholder: issue 5 fills it.
const NumbersUpload = () => null;
export default NumbersUpload;
