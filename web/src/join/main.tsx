import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { JoinPage } from './JoinPage';
import './join.css';

const root = document.getElementById('root');
if (root === null) throw new Error('join.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <JoinPage />
  </StrictMode>,
);
