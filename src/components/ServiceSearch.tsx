// The search island lives in src/components/search/. This re-export keeps the current home page
// building until it stops importing the island (it is becoming a plain form that GETs /search/).
export { default } from './search/ServiceSearch.tsx';
