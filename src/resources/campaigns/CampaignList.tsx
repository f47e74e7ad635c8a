// Placeholder: issue 4 fills it.
const CampaignList = () => null;
export default CampaignList;
