import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';

/** The catch-all page: says what happened and offers the way back to the campaigns. */
export const NotFound = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', mt: { xs: 2, sm: 6 } }}>
      <Title title="app.notFound.title" />
      <Card sx={{ maxWidth: 520, width: '100%' }}>
        <CardContent sx={{ p: 4, textAlign: 'center' }}>
          <SearchOffIcon aria-hidden sx={{ fontSize: 56, color: 'text.secondary', mb: 1 }} />
          <Typography variant="h5" component="h2" gutterBottom>
            {translate('app.notFound.title')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 3 }}>
            {translate('app.notFound.message')}
          </Typography>
          <Button variant="contained" component={Link} to="/campaigns">
            {translate('app.notFound.home')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
};
