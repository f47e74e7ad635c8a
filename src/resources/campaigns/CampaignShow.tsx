// Placeholder: issue 4 fills it.
const CampaignShow = () => null;
export default CampaignShow;
